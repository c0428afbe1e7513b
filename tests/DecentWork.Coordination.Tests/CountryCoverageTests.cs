using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Programming;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Coordination.Tests;

/// <summary>
/// ProgrammeRegistered arriving over the real broker, and the coverage it feeds. A service of its
/// own, so no UNDAF from the other test class shows up here. Each test uses its own countries.
/// </summary>
public class CountryCoverageTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    internal static ProgrammeRegistered Programme(string country) => new(
        Guid.NewGuid(), country, "Africa", $"DWCP {country}", new DateOnly(2008, 1, 1), new DateOnly(2011, 12, 31), DateTimeOffset.UtcNow);

    private Task<Undaf> RegisterUndafAsync(string country, int start = 2007, int end = 2010) =>
        _client.RegisterUndafAsync(new RegisterUndafRequest { CountryCode = country, CycleStartYear = start, CycleEndYear = end }).ResponseAsync;

    private async Task<List<CountryCoverage>> AllCoverageAsync(int pageSize = 200)
    {
        var all = new List<CountryCoverage>();
        var token = "";
        do
        {
            var page = await _client.ListCountryCoverageAsync(new ListCountryCoverageRequest { PageSize = pageSize, PageToken = token });
            all.AddRange(page.Countries);
            token = page.NextPageToken;
        } while (token != "");
        return all;
    }

    private Task<List<CountryCoverage>> CoverageIncludingAsync(params string[] countries) => Eventually.Until(
        () => AllCoverageAsync(), c => countries.All(code => c.Any(x => x.CountryCode == code)), what: $"{string.Join(", ", countries)} to be covered");

    [Fact]
    public async Task ProgrammeRegistered_WhenDeliveredTwiceAndAgainUnderANewMessageId_IsKnownOnce()
    {
        var undaf = await RegisterUndafAsync("TZA");
        var registered = Programme("TZA");
        var messageId = Guid.NewGuid();

        // The same message id twice is a relay crash between publish and delete; a new id is a republish.
        await Bus.Publish(registered, ctx => ctx.MessageId = messageId);
        await Bus.Publish(registered, ctx => ctx.MessageId = messageId);
        await Bus.Publish(registered, ctx => ctx.MessageId = Guid.NewGuid());

        var covered = await CoverageIncludingAsync("TZA");
        await Task.Delay(500); // a late duplicate would have landed by now
        var tanzania = Assert.Single(await AllCoverageAsync(), c => c.CountryCode == "TZA");
        Assert.Equal([registered.ProgrammeId.ToString()], tanzania.ProgrammeIds);
        Assert.Equal([undaf.Id], tanzania.UndafIds);
        Assert.Equal(tanzania, Assert.Single(covered, c => c.CountryCode == "TZA"));
    }

    [Fact]
    public async Task ListCountryCoverage_WhenACountryHasOnlyAnUndafOrOnlyAProgramme_LeavesItOut()
    {
        await RegisterUndafAsync("KEN");
        var uganda = Programme("UGA");
        await Bus.Publish(uganda);
        // Ghana has both; once it is covered, Uganda's programme (published first) has had its chance too.
        await RegisterUndafAsync("GHA");
        await Bus.Publish(Programme("GHA"));
        await CoverageIncludingAsync("GHA");
        await Task.Delay(500);

        var coverage = await AllCoverageAsync();
        Assert.DoesNotContain(coverage, c => c.CountryCode is "KEN" or "UGA");

        // Uganda's programme was known all along: an UNDAF is all it takes to cover the country.
        var undaf = await RegisterUndafAsync("UGA");
        var ugandaCovered = Assert.Single(await CoverageIncludingAsync("UGA"), c => c.CountryCode == "UGA");
        Assert.Equal([uganda.ProgrammeId.ToString()], ugandaCovered.ProgrammeIds);
        Assert.Equal([undaf.Id], ugandaCovered.UndafIds);
    }

    [Fact]
    public async Task ListCountryCoverage_OrdersByCountryWithIdsInCycleOrderAndPages()
    {
        var laterCycle = await RegisterUndafAsync("SEN", 2012, 2016);
        var earlierCycle = await RegisterUndafAsync("SEN", 2007, 2011);
        await RegisterUndafAsync("BEN");
        await RegisterUndafAsync("NER");
        var senegal = new[] { Programme("SEN"), Programme("SEN") };
        foreach (var registered in senegal.Append(Programme("BEN")).Append(Programme("NER"))) await Bus.Publish(registered);

        await Eventually.Until(() => AllCoverageAsync(),
            c => c.Any(x => x.CountryCode == "SEN" && x.ProgrammeIds.Count == 2) && c.Any(x => x.CountryCode == "BEN") && c.Any(x => x.CountryCode == "NER"),
            what: "Benin, Niger and both Senegal programmes to be covered");

        var first = await _client.ListCountryCoverageAsync(new ListCountryCoverageRequest { PageSize = 2 });
        var paged = await AllCoverageAsync(pageSize: 2);
        Assert.Equal(first.TotalSize, paged.Count);
        Assert.Equal(2, first.Countries.Count);
        Assert.Equal(paged.Select(c => c.CountryCode).Order(StringComparer.Ordinal), paged.Select(c => c.CountryCode));
        Assert.Equal(paged.Count, paged.Select(c => c.CountryCode).Distinct().Count());

        var sen = Assert.Single(paged, c => c.CountryCode == "SEN");
        Assert.Equal([earlierCycle.Id, laterCycle.Id], sen.UndafIds);
        Assert.Equal(senegal.Select(p => p.ProgrammeId.ToString()).Order(), sen.ProgrammeIds.Order());
    }

    [Fact]
    public async Task ListCountryCoverage_WhenTokenOrSizeIsBad_IsInvalid() =>
        await RpcAssert.InvalidFields(
            () => _client.ListCountryCoverageAsync(new ListCountryCoverageRequest { PageToken = "garbage", PageSize = -1 }).ResponseAsync,
            "page_token", "page_size");
}
