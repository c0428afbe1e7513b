using System.Collections.Concurrent;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using Microsoft.Extensions.DependencyInjection;
using Domain = DecentWork.Coordination.Domain;

namespace DecentWork.Coordination.Tests;

/// <summary>
/// The three coverage lists and ListCountryProgrammes over gRPC against a store the test fills
/// with made-up programmes (saved through the service's own store, so its projections are kept as
/// in production), UNDAFs, links and presences: every row, walked in small pages, equals what the
/// test computes directly from the records it wrote; and walks while programmes are added
/// repeat and invent nothing and miss nothing written before they began.
/// </summary>
public class CoverageListsTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private static readonly DateTimeOffset Now = new(2012, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);
    private IAggregateStore<Domain.KnownProgramme> Store => fixture.Service.Services.GetRequiredService<IAggregateStore<Domain.KnownProgramme>>();

    // What the test wrote, to compute the answers from: each programme's latest state by id, from
    // just before its first save; and the ids whose first save has returned, by country.
    private readonly ConcurrentDictionary<Guid, Domain.KnownProgramme> _written = new();
    private readonly ConcurrentDictionary<Guid, string> _stored = new();

    [Fact]
    public async Task CoverageLists_WhenWalkedInSmallPages_EqualADirectComputationFromTheRecords()
    {
        string[] countries = ["ARG", "BGD", "CHL", "DZA", "EGY", "FJI", "GTM", "HTI"];
        var random = new Random(20261202);
        // Programmes in six of the eight countries (none in GTM or HTI), some first heard of through
        // their approval and registered later, which moves them in their country's order.
        for (var i = 0; i < 60; i++)
            await SaveProgrammeAsync(countries[i < 6 ? i : random.Next(6)], random.Next(1995, 2026), registerLater: i % 3 == 0);

        // UNDAFs in every country but FJI: two cycles in ARG, active ones in most.
        var undafs = new Dictionary<string, List<Undaf>>(StringComparer.Ordinal);
        foreach (var (code, start, status) in new[]
        {
            ("ARG", 2007, UndafStatus.Closed), ("ARG", 2012, UndafStatus.Active), ("BGD", 2012, UndafStatus.Active),
            ("CHL", 2012, UndafStatus.Active), ("DZA", 2012, UndafStatus.RollOut), ("EGY", 2012, UndafStatus.Active),
            ("GTM", 2012, UndafStatus.Active), ("HTI", 2012, UndafStatus.Active),
        })
        {
            var undaf = await _client.RegisterUndafAsync(new RegisterUndafRequest
            {
                CountryCode = code, CycleStartYear = start, CycleEndYear = start + 4, Status = status, DecentWorkSpecificObjective = code == "BGD",
                Outcomes = { new UndafOutcome { Code = "1", Statement = "Decent jobs" }, new UndafOutcome { Code = "2", Statement = "Social protection" } },
            });
            (undafs.TryGetValue(code, out var of) ? of : undafs[code] = []).Add(undaf);
        }

        // Links: ARG's active UNDAF to two outcomes (one twice), CHL's to one that is then withdrawn,
        // DZA's (roll-out) to one; BGD and EGY have none.
        var arg = FirstOf("ARG");
        undafs["ARG"][1] = await LinkAsync(undafs["ARG"][1], "1", arg, arg.Outcomes[0].Id);
        undafs["ARG"][1] = await LinkAsync(undafs["ARG"][1], "2", arg, arg.Outcomes[0].Id);
        undafs["ARG"][1] = await LinkAsync(undafs["ARG"][1], "2", arg, arg.Outcomes[1].Id);
        var chl = FirstOf("CHL");
        undafs["CHL"][0] = await LinkAsync(undafs["CHL"][0], "1", chl, chl.Outcomes[0].Id);
        await WithdrawAsync(chl.Id, chl.Outcomes[0].Id);
        var dza = FirstOf("DZA");
        undafs["DZA"][0] = await LinkAsync(undafs["DZA"][0], "1", dza, dza.Outcomes[1].Id);

        var presences = new Dictionary<string, AgencyPresence>(StringComparer.Ordinal)
        {
            ["BGD"] = AgencyPresence.Resident, ["CHL"] = AgencyPresence.NonResident, ["HTI"] = AgencyPresence.NonResident, ["ARG"] = AgencyPresence.Resident,
        };
        foreach (var (code, presence) in presences)
            await _client.SetCountryPresenceAsync(new SetCountryPresenceRequest
            {
                CountryCode = code, Presence = presence, CoveringOffice = presence == AgencyPresence.NonResident ? "Regional office" : "",
            });

        // The answers, computed directly from what was written.
        var idsOf = countries.ToDictionary(c => c, ExpectedIds, StringComparer.Ordinal);
        var live = _written.Values.SelectMany(p => p.Outcomes).Where(o => !o.Withdrawn).Select(o => o.Id.ToString()).ToHashSet();
        int LinkedLive(string code) => undafs.GetValueOrDefault(code, []).SelectMany(u => u.OutcomeLinks).Select(l => l.ProgrammeOutcomeId).Where(live.Contains).Distinct().Count();
        var withUndaf = undafs.Keys.Order(StringComparer.Ordinal).ToList();

        var coverage = await WalkAsync(CoveragePages(3), countries);
        var covered = withUndaf.Where(c => idsOf[c].Count > 0).ToList();
        Assert.Equal(covered, coverage.Full.Select(r => r.CountryCode));
        foreach (var row in coverage.Full)
        {
            Assert.Equal(undafs[row.CountryCode].Select(u => u.Id), row.UndafIds);
            Assert.Equal(idsOf[row.CountryCode], row.ProgrammeIds);
            Assert.Equal(idsOf[row.CountryCode].Count, row.ProgrammeCount);
        }
        Assert.Equal(coverage.Full.Select(r => (r.CountryCode, r.ProgrammeCount, string.Join(",", r.UndafIds))),
            coverage.CountsOnly.Select(r => (r.CountryCode, r.ProgrammeCount, string.Join(",", r.UndafIds))));
        Assert.All(coverage.CountsOnly, r => Assert.Empty(r.ProgrammeIds));

        var coherence = await WalkAsync(CoherencePages(3), countries);
        Assert.Equal(countries.Where(c => undafs.ContainsKey(c) || idsOf[c].Count > 0).Order(StringComparer.Ordinal), coherence.Full.Select(r => r.CountryCode));
        foreach (var row in coherence.Full)
        {
            var its = undafs.GetValueOrDefault(row.CountryCode, []);
            Assert.Equal(its.Select(u => u.Id), row.UndafIds);
            Assert.Equal(its.Count == 0 ? UndafStatus.Unspecified : its[^1].Status, row.LatestUndafStatus);
            Assert.Equal(row.CountryCode == "BGD", row.DecentWorkSpecificObjective);
            Assert.Equal(idsOf[row.CountryCode], row.ProgrammeIds);
            Assert.Equal(idsOf[row.CountryCode].Count, row.ProgrammeCount);
            Assert.Equal(LinkedLive(row.CountryCode), row.LinkedOutcomeCount);
            Assert.Equal(presences.GetValueOrDefault(row.CountryCode, AgencyPresence.Unspecified), row.Presence);
        }
        Assert.Equal((2, 0, 1), (coherence.Full.Single(r => r.CountryCode == "ARG").LinkedOutcomeCount,
            coherence.Full.Single(r => r.CountryCode == "CHL").LinkedOutcomeCount, coherence.Full.Single(r => r.CountryCode == "DZA").LinkedOutcomeCount));
        Assert.Equal(coherence.Full.Select(r => (r.CountryCode, r.ProgrammeCount, r.LinkedOutcomeCount)), coherence.CountsOnly.Select(r => (r.CountryCode, r.ProgrammeCount, r.LinkedOutcomeCount)));
        Assert.All(coherence.CountsOnly, r => Assert.Empty(r.ProgrammeIds));

        var gaps = await WalkAsync(GapPages(3), countries);
        // Active UNDAF, no live linked outcome: non-resident first, then not recorded, then resident.
        var expectedGaps = withUndaf.Where(c => undafs[c].Any(u => u.Status == UndafStatus.Active) && LinkedLive(c) == 0)
            .OrderBy(c => presences.GetValueOrDefault(c) switch { AgencyPresence.NonResident => 0, AgencyPresence.Unspecified => 1, _ => 2 })
            .ThenBy(c => c, StringComparer.Ordinal).ToList();
        Assert.Equal(["CHL", "HTI", "EGY", "GTM", "BGD"], expectedGaps);
        Assert.Equal(expectedGaps, gaps.Full.Select(r => r.CountryCode));
        foreach (var row in gaps.Full)
        {
            Assert.Equal(undafs[row.CountryCode].Where(u => u.Status == UndafStatus.Active).Select(u => u.Id), row.ActiveUndafIds);
            Assert.Equal(idsOf[row.CountryCode], row.ProgrammeIds);
            Assert.Equal(idsOf[row.CountryCode].Count, row.ProgrammeCount);
        }
        Assert.Equal(gaps.Full.Select(r => (r.CountryCode, r.ProgrammeCount)), gaps.CountsOnly.Select(r => (r.CountryCode, r.ProgrammeCount)));

        foreach (var code in countries)
            Assert.Equal(idsOf[code], await CountryProgrammesAsync(code, pageSize: 4));
    }

    [Fact]
    public async Task CoverageLists_WhenProgrammesAreAddedWhileTheyAreWalked_NeverRepeatInventOrMissAProgramme()
    {
        string[] countries = ["KHM", "LAO", "MMR", "NPL", "PNG", "THA", "TLS"];
        foreach (var code in countries)
        {
            await SaveProgrammeAsync(code, 2005, registerLater: false);
            await _client.RegisterUndafAsync(new RegisterUndafRequest { CountryCode = code, CycleStartYear = 2012, CycleEndYear = 2016, Status = UndafStatus.Active });
        }

        // New programmes only: a programme registered after its approval moves within its country's
        // order, which a keyed walk of ListCountryProgrammes may then show twice or not at all (the
        // moves are checked at rest, in the test above).
        var writing = true;
        var writer = Task.Run(async () =>
        {
            var random = new Random(7);
            try
            {
                for (var i = 0; i < 150; i++) await SaveProgrammeAsync(countries[random.Next(countries.Length)], random.Next(1995, 2026), registerLater: false);
            }
            finally { writing = false; }
        });
        var walks = 0;
        while (Volatile.Read(ref writing) || walks < 2)
        {
            // What every walk must show at least: what was stored before it began.
            var before = countries.ToDictionary(c => c, c => _stored.Where(s => s.Value == c).Select(s => s.Key.ToString()).ToHashSet(), StringComparer.Ordinal);
            var coverage = await WalkAsync(CoveragePages(2), countries, countsOnlyToo: false);
            Assert.Equal(countries, coverage.Full.Select(r => r.CountryCode));
            foreach (var row in coverage.Full) CheckDuringWrites(row.CountryCode, row.ProgrammeIds, row.ProgrammeCount, before[row.CountryCode]);

            var coherence = await WalkAsync(CoherencePages(2), countries, countsOnlyToo: false);
            Assert.Equal(countries, coherence.Full.Select(r => r.CountryCode));
            foreach (var row in coherence.Full) CheckDuringWrites(row.CountryCode, row.ProgrammeIds, row.ProgrammeCount, before[row.CountryCode]);

            var code = countries[walks % countries.Length];
            var paged = await CountryProgrammesAsync(code, pageSize: 3);
            CheckDuringWrites(code, paged, paged.Count, before[code]);
            walks++;
        }
        await writer;

        // At rest, exact again.
        foreach (var code in countries)
            Assert.Equal(ExpectedIds(code), await CountryProgrammesAsync(code, pageSize: 5));
        Assert.True(walks >= 2);
    }

    // No id twice, none that was not written for this country, none stored before the walk missing,
    // and the count agreeing with the ids it came with.
    private void CheckDuringWrites(string country, IReadOnlyCollection<string> ids, int count, HashSet<string> before)
    {
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(country, _written[Guid.Parse(id)].CountryCode));
        Assert.Subset(ids.ToHashSet(), before);
        Assert.Equal(ids.Count, count);
    }

    [Fact]
    public async Task ListCountryProgrammes_WhenCountryOrTokenIsBad_IsInvalid()
    {
        await RpcAssert.InvalidFields(
            () => _client.ListCountryProgrammesAsync(new ListCountryProgrammesRequest { CountryCode = "XX", PageToken = "garbage" }).ResponseAsync,
            "country_code", "page_token");
        var none = await _client.ListCountryProgrammesAsync(new ListCountryProgrammesRequest { CountryCode = "ISL" });
        Assert.Equal((0, 0, ""), (none.Programmes.Count, none.TotalSize, none.NextPageToken));
    }

    // A programme as programming would have it known here: approved with two outcomes, registered
    // (with its period) either before the first save or in a later save of its own.
    private async Task SaveProgrammeAsync(string country, int startYear, bool registerLater)
    {
        var id = Guid.NewGuid();
        var start = new DateOnly(startYear, 1, 1);
        var region = Countries.ByCode[country].Region.ToString();
        var programme = Domain.KnownProgramme.From(new ProgrammeApproved(id, country, region, start.AddMonths(3),
            [TestData.Outcome("1.1"), TestData.Outcome("1.2")], Now));
        var registered = new ProgrammeRegistered(id, country, region, $"DWCP {country} {startYear}", start, start.AddYears(4).AddDays(-1), Now);
        if (!registerLater) programme.ApplyRegistration(registered);
        _written[id] = programme;
        await Store.SaveAsync(programme);
        _stored[id] = country;
        if (!registerLater) return;
        var stored = (await Store.FindAsync(id))!;
        stored.ApplyRegistration(registered);
        await Store.SaveAsync(stored);
        _written[id] = stored;
    }

    private async Task WithdrawAsync(Guid programmeId, Guid outcomeId)
    {
        var stored = (await Store.FindAsync(programmeId))!;
        var outcome = stored.FindOutcome(outcomeId)!;
        stored.ApplyOutcome(new ProgrammeOutcome(outcome.Id, outcome.Code, outcome.Statement, outcome.StrategicObjective, outcome.ResourceNeedUsd), withdrawn: true, Now.AddDays(1));
        await Store.SaveAsync(stored);
        _written[programmeId] = stored;
    }

    private Domain.KnownProgramme FirstOf(string country) =>
        _written.Values.Where(p => p.CountryCode == country).MinBy(p => p.SortKey, StringComparer.Ordinal)!;

    // The country's programme ids in the order the lists promise: period start, then id (the sort key).
    private List<string> ExpectedIds(string country) =>
        [.. _written.Values.Where(p => p.CountryCode == country).OrderBy(p => p.SortKey, StringComparer.Ordinal).Select(p => p.Id.ToString())];

    private async Task<Undaf> LinkAsync(Undaf undaf, string code, Domain.KnownProgramme programme, Guid outcomeId) =>
        await _client.LinkOutcomesAsync(new LinkOutcomesRequest
        {
            UndafId = undaf.Id, UndafOutcomeCode = code, ProgrammeId = programme.Id.ToString(), ProgrammeOutcomeId = outcomeId.ToString(),
        });

    private async Task<List<string>> CountryProgrammesAsync(string country, int pageSize)
    {
        var ids = new List<string>();
        var request = new ListCountryProgrammesRequest { CountryCode = country, PageSize = pageSize };
        do
        {
            var page = await _client.ListCountryProgrammesAsync(request);
            Assert.InRange(page.Programmes.Count, 0, pageSize);
            ids.AddRange(page.Programmes.Select(p => p.ProgrammeId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");
        return ids;
    }

    // One page of each list, given its token and whether to omit the ids.
    private Func<string, bool, Task<(IEnumerable<CountryCoverage> Rows, string Next, int Total)>> CoveragePages(int size) => async (token, omit) =>
    {
        var page = await _client.ListCountryCoverageAsync(new ListCountryCoverageRequest { PageSize = size, PageToken = token, OmitProgrammeIds = omit });
        return (page.Countries, page.NextPageToken, page.TotalSize);
    };

    private Func<string, bool, Task<(IEnumerable<CountryCoherence> Rows, string Next, int Total)>> CoherencePages(int size) => async (token, omit) =>
    {
        var page = await _client.ListCountryCoherenceAsync(new ListCountryCoherenceRequest { PageSize = size, PageToken = token, OmitProgrammeIds = omit });
        return (page.Countries, page.NextPageToken, page.TotalSize);
    };

    private Func<string, bool, Task<(IEnumerable<DecentWorkGap> Rows, string Next, int Total)>> GapPages(int size) => async (token, omit) =>
    {
        var page = await _client.ListDecentWorkGapsAsync(new ListDecentWorkGapsRequest { PageSize = size, PageToken = token, OmitProgrammeIds = omit });
        return (page.Countries, page.NextPageToken, page.TotalSize);
    };

    /// <summary>
    /// Every page of one list, with the programme ids and (unless told not to) once more without
    /// them; no country twice in a walk, and a total that is never below what the walk returned.
    /// The rows of this test's own countries are kept (the other test shares the service).
    /// </summary>
    private static async Task<(List<TRow> Full, List<TRow> CountsOnly)> WalkAsync<TRow>(
        Func<string, bool, Task<(IEnumerable<TRow> Rows, string Next, int Total)>> pageOf, string[] mine, bool countsOnlyToo = true)
        where TRow : Google.Protobuf.IMessage
    {
        async Task<List<TRow>> Walk(bool omit)
        {
            var rows = new List<TRow>();
            var token = "";
            var total = 0;
            do
            {
                var (page, next, pageTotal) = await pageOf(token, omit);
                rows.AddRange(page);
                (token, total) = (next, pageTotal);
            }
            while (token != "");
            var codes = rows.Select(r => (string)r.Descriptor.FindFieldByName("country_code").Accessor.GetValue(r)).ToList();
            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.True(total >= rows.Count, $"total {total} below the {rows.Count} rows walked");
            return [.. rows.Where((_, i) => mine.Contains(codes[i]))];
        }
        return (await Walk(omit: false), countsOnlyToo ? await Walk(omit: true) : []);
    }
}
