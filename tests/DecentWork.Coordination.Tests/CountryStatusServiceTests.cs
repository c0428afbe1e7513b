using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;
using Date = Google.Type.Date;

namespace DecentWork.Coordination.Tests;

/// <summary>The dated least-developed-country and crisis status over real gRPC, seeded from the built-in UN list.</summary>
public class CountryStatusServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static CountryStatusPeriod Period(Date from, Date? until = null, string note = "") => new() { From = from, Until = until, Note = note };

    private async Task<List<string>> GroupOn(CountryGroup group, Date on)
    {
        var listed = await _client.ListCountryStatusesAsync(new ListCountryStatusesRequest { Group = group, On = on, PageSize = 200 });
        return [.. listed.CountryStatuses.Select(s => s.CountryCode)];
    }

    [Fact]
    public async Task GetCountryStatus_WhenOnTheBuiltInList_ReturnsTheDatedPeriodAsTheSeedsFirstRevision()
    {
        var caboVerde = await _client.GetCountryStatusAsync(new GetCountryStatusRequest { CountryCode = "cpv" });

        var period = Assert.Single(caboVerde.LeastDeveloped);
        Assert.Equal((1977, 2007, 12, 20), (period.From.Year, period.Until.Year, period.Until.Month, period.Until.Day));
        Assert.Equal((1L, 1L), (caboVerde.Revision, caboVerde.Version));
        var change = Assert.Single(caboVerde.Changes);
        Assert.Equal((1L, "system:seed"), (change.Revision, change.ChangedBy));
        Assert.Empty(caboVerde.Crises);
    }

    [Fact]
    public async Task GetCountryStatus_WhenNeverRecorded_IsEmptyAtRevisionZero()
    {
        var france = await _client.GetCountryStatusAsync(new GetCountryStatusRequest { CountryCode = "FRA" });

        Assert.Equal(("FRA", 0L, 0, 0), (france.CountryCode, france.Revision, france.LeastDeveloped.Count, france.Changes.Count));
        await RpcAssert.InvalidFields(() => _client.GetCountryStatusAsync(new GetCountryStatusRequest { CountryCode = "XXX" }).ResponseAsync, "country_code");
    }

    [Fact]
    public async Task ListCountryStatuses_WhenGroupedOnADay_UsesThatDaysList()
    {
        var in2007 = await GroupOn(CountryGroup.LeastDeveloped, Day(2007, 6, 30));
        var in2008 = await GroupOn(CountryGroup.LeastDeveloped, Day(2008, 1, 1));
        var beforeSaoTomeGraduated = await GroupOn(CountryGroup.LeastDeveloped, Day(2024, 12, 12));
        var afterSaoTomeGraduated = await GroupOn(CountryGroup.LeastDeveloped, Day(2024, 12, 13));

        Assert.Contains("CPV", in2007);
        Assert.DoesNotContain("CPV", in2008);
        Assert.Contains("MDV", in2008);
        Assert.DoesNotContain("SSD", in2008); // included in 2012
        Assert.Contains("STP", beforeSaoTomeGraduated);
        Assert.DoesNotContain("STP", afterSaoTomeGraduated);
        // As of the seed's date the UN counts 44 least developed countries.
        Assert.Equal(44, (await GroupOn(CountryGroup.LeastDeveloped, Day(2025, 1, 1))).Count);
        await RpcAssert.InvalidFields(() => _client.ListCountryStatusesAsync(new ListCountryStatusesRequest { Group = (CountryGroup)9, On = Day(2007, 2, 30) }).ResponseAsync,
            "group", "on");
    }

    [Fact]
    public async Task SetCountryStatus_WhenACrisisIsAdded_KeepsTheReasonAndRevisionAndGroupsTheCountry()
    {
        var held = await _client.GetCountryStatusAsync(new GetCountryStatusRequest { CountryCode = "MMR" });
        var request = new SetCountryStatusRequest
        {
            CountryCode = "MMR", LeastDeveloped = { held.LeastDeveloped },
            Crises = { Period(Day(2008, 5, 2), Day(2010, 12, 31), "Cyclone Nargis") }, Reason = "Cyclone Nargis: flash appeal of May 2008", ExpectedVersion = held.Version,
        };

        var set = await _client.SetCountryStatusAsync(request);
        var again = await _client.SetCountryStatusAsync(request.Clone().With(r => r.ExpectedVersion = 0));

        Assert.Equal((2L, 2L, "Cyclone Nargis"), (set.Revision, set.Version, set.Crises.Single().Note));
        Assert.Equal(["system:seed", "Cyclone Nargis: flash appeal of May 2008"], set.Changes.Select(c => c.Revision == 1 ? c.ChangedBy : c.Reason));
        Assert.Equal(set, again); // the same status again changes nothing
        Assert.Contains("MMR", await GroupOn(CountryGroup.InCrisis, Day(2008, 6, 1)));
        Assert.DoesNotContain("MMR", await GroupOn(CountryGroup.InCrisis, Day(2011, 1, 1)));
        Assert.Contains("MMR", await GroupOn(CountryGroup.LeastDevelopedOrInCrisis, Day(2011, 1, 1)));
        Assert.DoesNotContain("MMR", await GroupOn(CountryGroup.Neither, Day(2011, 1, 1)));
    }

    [Fact]
    public async Task SetCountryStatus_WhenTheVersionIsStale_IsAborted()
    {
        var request = new SetCountryStatusRequest { CountryCode = "LBN", Crises = { Period(Day(2006, 7, 12), Day(2006, 8, 14)) }, Reason = "July war" };
        var first = await _client.SetCountryStatusAsync(request);

        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.SetCountryStatusAsync(request.Clone().With(r =>
        {
            r.ExpectedVersion = first.Version + 1;
            r.Reason = "again";
        })).ResponseAsync);
        Assert.Equal(1L, first.Revision);
    }

    [Fact]
    public async Task SetCountryStatus_WhenEveryFieldIsWrong_ListsEveryField()
    {
        var request = new SetCountryStatusRequest
        {
            CountryCode = "XXX",
            LeastDeveloped = { Period(Day(1960, 1, 1)), Period(Day(2000, 1, 1), Day(1999, 1, 1)) },
            Crises = { Period(Day(2008, 1, 1), null, new string('n', 201)) },
            Reason = " ",
            ExpectedVersion = -1,
        };
        await RpcAssert.InvalidFields(() => _client.SetCountryStatusAsync(request).ResponseAsync,
            "country_code", "least_developed[0].from", "least_developed[1].until", "crises[0].note", "reason", "expected_version");
    }

    [Fact]
    public async Task SetCountryStatus_WhenPeriodsOverlap_IsInvalid()
    {
        var request = new SetCountryStatusRequest
        {
            CountryCode = "HTI", Reason = "Earthquake",
            Crises = { Period(Day(2010, 1, 12)), Period(Day(2011, 1, 1), Day(2012, 1, 1)) },
        };
        await RpcAssert.InvalidFields(() => _client.SetCountryStatusAsync(request).ResponseAsync, "crises");
    }

    [Fact]
    public async Task JsonRoutes_SetGetAndListCountryStatuses()
    {
        using var http = fixture.Service.JsonClient();
        var put = await http.PutAsJsonAsync("/v1/country-statuses/SLE", new
        {
            leastDeveloped = new[] { new { from = new { year = 1982, month = 1, day = 1 } } },
            crises = new[] { new { from = new { year = 2014, month = 5, day = 25 }, until = new { year = 2016, month = 3, day = 17 }, note = "Ebola" } },
            reason = "Ebola outbreak",
        });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var got = await http.GetFromJsonAsync<JsonElement>("/v1/country-statuses/SLE");
        Assert.Equal(("Ebola", "2"), (got.GetProperty("crises")[0].GetProperty("note").GetString(), got.GetProperty("revision").GetString()));
        var listed = await http.GetFromJsonAsync<JsonElement>("/v1/country-statuses?group=COUNTRY_GROUP_IN_CRISIS&on.year=2015&on.month=1&on.day=1");
        Assert.Contains("SLE", listed.GetProperty("countryStatuses").EnumerateArray().Select(s => s.GetProperty("countryCode").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsJsonAsync("/v1/country-statuses/SLE", new { reason = "" })).StatusCode);
    }
}
