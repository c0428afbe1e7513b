using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Coordination.Tests;

/// <summary>
/// The coverage reports over real gRPC. A service of its own: the gaps test owns every active
/// UNDAF in it, so its order is checked exactly; the other tests register no active UNDAF.
/// </summary>
public class ReportServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private Task<Undaf> RegisterUndafAsync(string country, UndafStatus status, bool decentWork = false, int start = 2007) =>
        _client.RegisterUndafAsync(new RegisterUndafRequest
        {
            CountryCode = country, CycleStartYear = start, CycleEndYear = start + 4, Status = status, DecentWorkSpecificObjective = decentWork,
            Outcomes = { new UndafOutcome { Code = "1", Statement = "Employment" } },
        }).ResponseAsync;

    private Task SetPresenceAsync(string country, AgencyPresence presence) => _client.SetCountryPresenceAsync(new SetCountryPresenceRequest
    {
        CountryCode = country, Presence = presence, CoveringOffice = presence == AgencyPresence.NonResident ? "Subregional office" : "",
    }).ResponseAsync;

    private async Task<List<DecentWorkGap>> AllGapsAsync(int pageSize)
    {
        var all = new List<DecentWorkGap>();
        var token = "";
        do
        {
            var page = await _client.ListDecentWorkGapsAsync(new ListDecentWorkGapsRequest { PageSize = pageSize, PageToken = token });
            all.AddRange(page.Countries);
            token = page.NextPageToken;
        } while (token != "");
        return all;
    }

    [Fact]
    public async Task ListDecentWorkGaps_ListsActiveUndafsWithoutLinksNonResidentFirstAndPages()
    {
        foreach (var country in new[] { "ALB", "CPV", "PAK", "RWA", "URY" }) await RegisterUndafAsync(country, UndafStatus.Active);
        var uruguay = await _client.ListUndafsAsync(new ListUndafsRequest { Country = "URY" });
        await SetPresenceAsync("ALB", AgencyPresence.Resident);
        await SetPresenceAsync("RWA", AgencyPresence.NonResident);
        await SetPresenceAsync("CPV", AgencyPresence.NonResident);
        var outcome = TestData.Outcome();
        var approved = TestData.Approved("URY", outcome);
        await Bus.Publish(approved);
        await Eventually.Until(async () =>
        {
            try
            {
                await _client.LinkOutcomesAsync(new LinkOutcomesRequest
                {
                    UndafId = uruguay.Undafs[0].Id, UndafOutcomeCode = "1", ProgrammeId = approved.ProgrammeId.ToString(), ProgrammeOutcomeId = outcome.OutcomeId.ToString(),
                });
                return true;
            }
            catch (RpcException) { return false; }
        }, linked => linked, what: "Uruguay's outcome to be linked");

        var gaps = await AllGapsAsync(pageSize: 2);

        Assert.Equal(["CPV", "RWA", "PAK", "ALB"], gaps.Select(g => g.CountryCode));
        Assert.Equal([AgencyPresence.NonResident, AgencyPresence.NonResident, AgencyPresence.Unspecified, AgencyPresence.Resident], gaps.Select(g => g.Presence));
        Assert.Single(gaps[0].ActiveUndafIds);
        Assert.Equal(4, (await _client.ListDecentWorkGapsAsync(new ListDecentWorkGapsRequest())).TotalSize);
    }

    [Fact]
    public async Task ListCountryCoherence_ShowsUndafsProgrammesFlagAndPresencePerCountry()
    {
        var older = await RegisterUndafAsync("BRA", UndafStatus.Closed, start: 2002);
        var latest = await RegisterUndafAsync("BRA", UndafStatus.RollOut, decentWork: true);
        await SetPresenceAsync("BRA", AgencyPresence.Resident);
        var approved = TestData.Approved("BRA", TestData.Outcome());
        await Bus.Publish(approved);

        var brazil = await Eventually.Until(
            async () => (await _client.ListCountryCoherenceAsync(new ListCountryCoherenceRequest { Country = "bra" })).Countries.SingleOrDefault(),
            c => c?.ProgrammeIds.Count == 1, what: "Brazil's programme");

        Assert.Equal([older.Id, latest.Id], brazil!.UndafIds);
        Assert.Equal([approved.ProgrammeId.ToString()], brazil.ProgrammeIds);
        Assert.Equal((UndafStatus.RollOut, true, AgencyPresence.Resident, 0), (brazil.LatestUndafStatus, brazil.DecentWorkSpecificObjective, brazil.Presence, brazil.LinkedOutcomeCount));
    }

    [Fact]
    public async Task ListCountryCoherence_WhenACountryHasOnlyAProgramme_ListsItWithoutUndafs()
    {
        var approved = TestData.Approved("MEX");
        await Bus.Publish(approved);

        var mexico = await Eventually.Until(
            async () => (await _client.ListCountryCoherenceAsync(new ListCountryCoherenceRequest { Country = "MEX" })).Countries.SingleOrDefault(),
            c => c is not null, what: "Mexico's programme");

        Assert.Empty(mexico!.UndafIds);
        Assert.Equal((UndafStatus.Unspecified, AgencyPresence.Unspecified), (mexico.LatestUndafStatus, mexico.Presence));
    }

    [Fact]
    public async Task Reports_WhenTokenSizeOrCountryIsBad_AreInvalid()
    {
        await RpcAssert.InvalidFields(() => _client.ListCountryCoherenceAsync(new ListCountryCoherenceRequest { PageSize = -1, PageToken = "garbage", Country = "ZZZ" }).ResponseAsync,
            "page_size", "page_token", "country");
        await RpcAssert.InvalidFields(() => _client.ListDecentWorkGapsAsync(new ListDecentWorkGapsRequest { PageSize = -1, PageToken = "garbage" }).ResponseAsync,
            "page_size", "page_token");
    }
}
