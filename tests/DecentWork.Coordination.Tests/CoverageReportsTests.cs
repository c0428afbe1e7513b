using DecentWork.Coordination.Domain;
using DecentWork.Coordination.Grpc;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

/// <summary>The report rules, on in-memory data.</summary>
public class CoverageReportsTests
{
    private static readonly DateTimeOffset Now = new(2008, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static Undaf UndafIn(string country, UndafStatus status, int start = 2007, bool decentWork = false) =>
        Undaf.Register(Countries.ByCode[country], start, start + 3, Now, TestData.UndafOutcomes("1", "2"), status, decentWork);

    private static CountryPresence PresenceIn(string country, AgencyPresence kind)
    {
        var presence = CountryPresence.For(Countries.ByCode[country]);
        presence.Set(kind, kind == AgencyPresence.NonResident ? "Elsewhere" : "", "", Now);
        return presence;
    }

    [Fact]
    public void Coherence_CountsDistinctLiveLinksAndReadsTheLatestUndaf()
    {
        var (kept, withdrawn) = (TestData.Outcome("1"), TestData.Outcome("2"));
        var approved = TestData.Approved("MOZ", kept, withdrawn);
        var programme = KnownProgramme.From(approved);
        programme.ApplyOutcome(withdrawn, withdrawn: true, Now);
        var older = UndafIn("MOZ", UndafStatus.Closed, 2002);
        var latest = UndafIn("MOZ", UndafStatus.Active, 2007, decentWork: true);
        latest.Link("1", programme, kept.OutcomeId, Now);
        latest.Link("2", programme, kept.OutcomeId, Now); // the same DWCP outcome twice counts once
        latest.Link("2", KnownProgramme.From(approved), withdrawn.OutcomeId, Now); // linked before it was withdrawn
        var programmeOnly = KnownProgramme.From(TestData.Approved("BRA"));

        var rows = CoverageReports.Coherence([older, latest], [programmeOnly, programme], TestData.ProgrammeCounts([programmeOnly, programme]), [PresenceIn("MOZ", AgencyPresence.Resident)]);

        Assert.Equal(["BRA", "MOZ"], rows.Select(r => r.CountryCode));
        var mozambique = rows[1];
        Assert.Equal([older.Id, latest.Id], mozambique.Undafs.Select(u => u.Id));
        Assert.Equal(latest, mozambique.LatestUndaf());
        Assert.Equal(1, mozambique.LinkedOutcomeCount);
        Assert.Equal(AgencyPresence.Resident, mozambique.Presence);
        Assert.Equal((0, (AgencyPresence?)null, (Undaf?)null), (rows[0].LinkedOutcomeCount, rows[0].Presence, rows[0].LatestUndaf()));
    }

    [Fact]
    public void Gaps_ListsActiveUndafsWithoutLinksNonResidentFirstThenUnknownThenResident()
    {
        var outcome = TestData.Outcome();
        var linkedProgramme = KnownProgramme.From(TestData.Approved("VNM", outcome));
        var linked = UndafIn("VNM", UndafStatus.Active);
        linked.Link("1", linkedProgramme, outcome.OutcomeId, Now);
        var undafs = new[]
        {
            UndafIn("ALB", UndafStatus.Active), UndafIn("CPV", UndafStatus.Active), UndafIn("PAK", UndafStatus.Active),
            UndafIn("RWA", UndafStatus.Active), UndafIn("URY", UndafStatus.RollOut), linked,
        };
        var presences = new[] { PresenceIn("ALB", AgencyPresence.Resident), PresenceIn("RWA", AgencyPresence.NonResident), PresenceIn("CPV", AgencyPresence.NonResident) };

        var rows = CoverageReports.Gaps(undafs, [linkedProgramme], presences);

        Assert.Equal(["CPV", "RWA", "PAK", "ALB"], rows.Select(r => r.CountryCode));
        Assert.Equal([undafs[1].Id], rows[0].ActiveUndafs.Select(u => u.Id));
    }

    [Fact]
    public void Gaps_WhenTheOnlyLinkedOutcomeWasWithdrawn_ListsTheCountry()
    {
        var outcome = TestData.Outcome();
        var programme = KnownProgramme.From(TestData.Approved("VNM", outcome));
        var undaf = UndafIn("VNM", UndafStatus.Active);
        undaf.Link("1", programme, outcome.OutcomeId, Now);
        programme.ApplyOutcome(outcome, withdrawn: true, Now);

        var row = Assert.Single(CoverageReports.Gaps([undaf], [programme], []));
        Assert.Equal("VNM", row.CountryCode);
    }
}
