using System.Net;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Coordination.Tests;

/// <summary>The UNDAF RPCs over real gRPC; each test uses its own countries, so counts are exact.</summary>
public class CoordinationServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    private Task<Undaf> RegisterAsync(string country, int start, int end) =>
        _client.RegisterUndafAsync(new RegisterUndafRequest { CountryCode = country, CycleStartYear = start, CycleEndYear = end }).ResponseAsync;

    [Fact]
    public async Task RegisterUndaf_WhenValid_StoresTheCountryUpperCaseAndCanBeFetched()
    {
        var undaf = await RegisterAsync(" tza ", 2007, 2010);

        Assert.Equal("TZA", undaf.CountryCode);
        Assert.Equal((2007, 2010), (undaf.CycleStartYear, undaf.CycleEndYear));
        Assert.Equal(1, undaf.Version);
        Assert.NotNull(undaf.RegisteredAt);
        var fetched = await _client.GetUndafAsync(new GetUndafRequest { Id = undaf.Id });
        Assert.Equal(undaf, fetched);
    }

    [Fact]
    public async Task RegisterUndaf_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(
            () => _client.RegisterUndafAsync(new RegisterUndafRequest { CountryCode = "XXX", CycleStartYear = 1996 }).ResponseAsync,
            "country_code", "cycle_start_year", "cycle_end_year");

    [Theory]
    [InlineData(2010, 2007)] // inverted
    [InlineData(2007, 2018)] // eleven years after the start
    public async Task RegisterUndaf_WhenCycleIsInvertedOrTooLong_IsInvalidAndStoresNothing(int start, int end)
    {
        await RpcAssert.InvalidFields(() => RegisterAsync("ZMB", start, end), "cycle_end_year");

        var listed = await _client.ListUndafsAsync(new ListUndafsRequest { Country = "ZMB" });
        Assert.Equal(0, listed.TotalSize);
    }

    [Fact]
    public async Task RegisterUndaf_WhenStartYearIsAfter2100_IsInvalid() =>
        await RpcAssert.InvalidFields(() => RegisterAsync("ZMB", 2101, 2102), "cycle_start_year");

    [Fact]
    public async Task RegisterUndaf_WhenCountryAlreadyHasThatCycle_IsAlreadyExists()
    {
        var first = await RegisterAsync("KEN", 2009, 2013);

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => RegisterAsync("ken", 2009, 2013));
        Assert.Contains(first.Id, error.Status.Detail);

        // Another cycle of the same country, or the same cycle elsewhere, is a different UNDAF.
        await RegisterAsync("KEN", 2009, 2014);
        await RegisterAsync("UGA", 2009, 2013);
        var kenya = await _client.ListUndafsAsync(new ListUndafsRequest { Country = "KEN" });
        Assert.Equal(2, kenya.TotalSize);
    }

    [Fact]
    public async Task GetUndaf_WhenUnknownOrNotAUuid_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetUndafAsync(new GetUndafRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetUndafAsync(new GetUndafRequest { Id = "not-a-uuid" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task ListUndafs_OrdersByCountryThenCycleFiltersByCountryAndPages()
    {
        // Registered out of order on purpose; VNM and LAO are used by no other test.
        var late = await RegisterAsync("VNM", 2012, 2016);
        var early = await RegisterAsync("VNM", 2006, 2010);
        var middle = await RegisterAsync("VNM", 2006, 2011);
        var lao = await RegisterAsync("LAO", 2012, 2015);

        var first = await _client.ListUndafsAsync(new ListUndafsRequest { Country = "vnm", PageSize = 2 });
        var second = await _client.ListUndafsAsync(new ListUndafsRequest { Country = "vnm", PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(3, first.TotalSize);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal([early.Id, middle.Id, late.Id], first.Undafs.Concat(second.Undafs).Select(u => u.Id));

        var all = await _client.ListUndafsAsync(new ListUndafsRequest { PageSize = 200 });
        var ids = all.Undafs.Select(u => u.Id).ToList();
        Assert.True(ids.IndexOf(lao.Id) < ids.IndexOf(early.Id), "LAO sorts before VNM");
        Assert.Equal(all.Undafs.OrderBy(u => u.CountryCode, StringComparer.Ordinal).ThenBy(u => u.CycleStartYear).Select(u => u.CountryCode),
            all.Undafs.Select(u => u.CountryCode));
    }

    [Fact]
    public async Task ListUndafs_WhenTokenOrCountryIsBad_IsInvalid() =>
        await RpcAssert.InvalidFields(
            () => _client.ListUndafsAsync(new ListUndafsRequest { Country = "ZZZ", PageToken = "garbage", PageSize = -1 }).ResponseAsync,
            "country", "page_token", "page_size");

    [Fact]
    public async Task Health_ReportsStorageAndBroker()
    {
        var response = await fixture.Service.Http.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"storage\"", body);
        Assert.Contains("masstransit", body, StringComparison.OrdinalIgnoreCase);
    }
}
