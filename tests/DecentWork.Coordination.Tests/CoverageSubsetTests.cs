using DecentWork.Coordination.Domain;
using DecentWork.Coordination.Grpc;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

/// <summary>
/// What the bucketed coverage lists rely on: a country's coherence row depends only on its own
/// records, and whether a country is a gap only on the programmes its active UNDAFs link to.
/// </summary>
public class CoverageSubsetTests
{
    private static readonly DateTimeOffset Now = new(2008, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static Undaf ActiveIn(string country) =>
        Undaf.Register(Countries.ByCode[country], 2007, 2010, Now, TestData.UndafOutcomes("1", "2"), UndafStatus.Active);

    private static (List<Undaf> Undafs, List<KnownProgramme> All, List<KnownProgramme> Linked) World()
    {
        var (live, withdrawn) = (TestData.Outcome("1"), TestData.Outcome("2"));
        var vietnam = KnownProgramme.From(TestData.Approved("VNM", live));
        var mozambique = KnownProgramme.From(TestData.Approved("MOZ", withdrawn));
        var linkedVietnam = ActiveIn("VNM");
        linkedVietnam.Link("1", vietnam, live.OutcomeId, Now);
        var linkedMozambique = ActiveIn("MOZ");
        linkedMozambique.Link("1", mozambique, withdrawn.OutcomeId, Now);
        mozambique.ApplyOutcome(withdrawn, withdrawn: true, Now.AddDays(1));
        List<KnownProgramme> unlinked = [KnownProgramme.From(TestData.Approved("VNM")), KnownProgramme.From(TestData.Approved("ALB")), KnownProgramme.From(TestData.Approved("BRA"))];
        return ([ActiveIn("ALB"), linkedMozambique, linkedVietnam], [.. unlinked, vietnam, mozambique], [vietnam, mozambique]);
    }

    [Fact]
    public void Gaps_WhenGivenOnlyTheLinkedProgrammes_FindsTheSameCountriesInTheSameOrder()
    {
        var (undafs, all, linked) = World();

        var fromAll = CoverageReports.Gaps(undafs, all, []);
        var fromLinked = CoverageReports.Gaps(undafs, linked, []);

        Assert.Equal(["ALB", "MOZ"], fromAll.Select(r => r.CountryCode));
        Assert.Equal(fromAll.Select(r => r.CountryCode), fromLinked.Select(r => r.CountryCode));
    }

    [Fact]
    public void Coherence_WhenGivenOneCountrysRecords_GivesThatCountrysRowAsFromAll()
    {
        var (undafs, all, _) = World();
        static object Shape(CoherenceRow r) => (r.CountryCode, string.Join(",", r.Undafs.Select(u => u.Id)), r.LinkedOutcomeCount);

        var fromAll = CoverageReports.Coherence(undafs, all, TestData.ProgrammeCounts(all), []);
        foreach (var country in new[] { "ALB", "BRA", "MOZ", "VNM" })
        {
            List<KnownProgramme> its = [.. all.Where(p => p.CountryCode == country)];
            var alone = CoverageReports.Coherence([.. undafs.Where(u => u.CountryCode == country)], its, TestData.ProgrammeCounts(its), []);
            Assert.Equal(Shape(fromAll.Single(r => r.CountryCode == country)), Shape(Assert.Single(alone)));
        }
    }

    [Fact]
    public void Coherence_WhenGivenOnlyTheLinkedProgrammes_CountsTheSameLinksAsFromAll()
    {
        var (undafs, all, linked) = World();
        static object Shape(CoherenceRow r) => (r.CountryCode, r.LinkedOutcomeCount);

        var counts = TestData.ProgrammeCounts(all);
        Assert.Equal(CoverageReports.Coherence(undafs, all, counts, []).Select(Shape), CoverageReports.Coherence(undafs, linked, counts, []).Select(Shape));
    }
}
