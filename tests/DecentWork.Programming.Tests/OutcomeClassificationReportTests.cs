using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Programming.Tests;

/// <summary>
/// The classification reports' pure function over the buckets <see cref="OutcomeClassificationProjection"/>
/// makes from a handful of programmes in memory: the rows the in-memory grouping gave.
/// </summary>
public class OutcomeClassificationReportTests
{
    private static readonly Change Officer = new("officer-1", "Country officer", new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));

    private static (Programme Programme, Outcome[] Outcomes) WithOutcomes(string country, params decimal[] needs)
    {
        var programme = Programme.Register(Countries.ByCode[country], "DWCP", new(2008, 1, 1), new(2011, 12, 31), Officer);
        var priority = programme.AddPriority("Youth employment", Officer);
        var outcomes = needs.Select((need, i) => programme.AddOutcome(priority.Id, $"O{i + 1}", "More decent jobs", StrategicObjective.Employment, need, Officer)).ToArray();
        return (programme, outcomes);
    }

    private static WorkClassification Scored(string[] goals, params (string Code, string Significance)[] markers) => new()
    {
        PolicyMarkers = markers.Select(m => new PolicyMarkerScore { Code = m.Code, Significance = m.Significance }).ToList(),
        SdgGoals = [.. goals],
    };

    private static OutcomeClassificationReport ReportOf(params Programme[] programmes) =>
        OutcomeClassificationReport.From(new OutcomeClassificationProjection().BucketsOf(programmes));

    [Fact]
    public void From_WhenOutcomesAreScoredWithdrawnAndDiscarded_GivesEachSignificanceThenTheUnscoredInNumberOrder()
    {
        var (tanzania, inTanzania) = WithOutcomes("TZA", 100, 200, 400, 800);
        tanzania.ClassifyOutcome(inTanzania[0].Id, Scored(["8"], ("1", "2"), ("12", "1")), Officer);
        tanzania.ClassifyOutcome(inTanzania[1].Id, Scored(["8", "5"], ("1", "1")), Officer);
        tanzania.ClassifyOutcome(inTanzania[2].Id, Scored([], ("2", "1")), Officer);
        tanzania.WithdrawOutcome(inTanzania[3].Id, Officer);
        var (kenya, inKenya) = WithOutcomes("KEN", 1_000);
        kenya.ClassifyOutcome(inKenya[0].Id, Scored(["17"], ("1", "2")), Officer);
        var (discarded, _) = WithOutcomes("KEN", 5_000);
        discarded.Discard("Registered twice", Officer);

        var report = ReportOf(tanzania, kenya, discarded);

        Assert.Equal(4, report.OutcomeCount);
        Assert.Equal(1, report.OutcomesWithoutGoal);
        Assert.Equal(
            [("1", "1", 1, 200m), ("1", "2", 2, 1_100m), ("1", "", 1, 400m), ("2", "1", 1, 400m), ("2", "", 3, 1_300m),
             ("11", "", 4, 1_700m), ("12", "1", 1, 100m), ("12", "", 3, 1_600m)],
            report.ByPolicyMarker.Select(r => (r.Code, r.Significance, r.OutcomeCount, r.ResourceNeedUsd)));
        Assert.Equal([("5", 1, 200m), ("8", 2, 300m), ("17", 1, 1_000m)], report.BySdgGoal.Select(r => (r.Code, r.OutcomeCount, r.ResourceNeedUsd)));
    }

    [Fact]
    public void From_WhenAClassificationIsReplaced_CountsOnlyTheNewOne()
    {
        var (programme, outcomes) = WithOutcomes("UGA", 300);
        var projection = new OutcomeClassificationProjection();
        programme.ClassifyOutcome(outcomes[0].Id, Scored(["8"], ("1", "2")), Officer);
        var before = projection.BucketsOf([programme]);
        programme.ClassifyOutcome(outcomes[0].Id, Scored(["5"], ("1", "1")), Officer);

        var report = OutcomeClassificationReport.From(projection.BucketsOf([programme]));

        Assert.Equal([("1", "2", 1)], OutcomeClassificationReport.From(before).ByPolicyMarker.Where(r => r.OutcomeCount > 0 && r.Code == "1").Select(r => (r.Code, r.Significance, r.OutcomeCount)));
        Assert.Equal([("1", "1", 1), ("1", "", 0), ("11", "", 1)], report.ByPolicyMarker.Select(r => (r.Code, r.Significance, r.OutcomeCount)));
        Assert.Equal([("5", 1)], report.BySdgGoal.Select(r => (r.Code, r.OutcomeCount)));
    }

    [Fact]
    public void From_WhenNothingIsCounted_GivesGenderAndDisabilityWithNoOutcomes()
    {
        var report = OutcomeClassificationReport.From([]);

        Assert.Equal([("1", "", 0), ("11", "", 0)], report.ByPolicyMarker.Select(r => (r.Code, r.Significance, r.OutcomeCount)));
        Assert.Empty(report.BySdgGoal);
        Assert.Equal((0, 0), (report.OutcomeCount, report.OutcomesWithoutGoal));
    }
}
