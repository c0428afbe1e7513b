using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// The project reports over <see cref="ProjectReportTotals"/> buckets must give exactly what the
/// reports gave over the projects themselves (running in the period, not withdrawn, in one country
/// of the group in their start year), and the partner buckets exactly the partner rows.
/// </summary>
public class ProjectReportTotalsTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] SomeCountries = ["KEN", "NER", "URY", "BGD"];
    private static readonly (int Start, int End)[] Periods = [(0, 0), (2010, 2012), (2015, 2015), (2019, 2030)];

    // A made-up group: Kenya and Niger from 2012 on, Bangladesh always.
    private static bool Admits(string country, int year) => country == "BGD" || (country is "KEN" or "NER" && year >= 2012);

    [Fact]
    public void ByPolicyMarkerAndSdgGoal_WhenProjectsVary_GiveTheRowsCountedOverTheProjects()
    {
        var projects = RandomProjects(new Random(7), 250);
        var buckets = new ProjectReportTotals().BucketsOf(projects);

        foreach (var (start, end) in Periods)
            foreach (var group in new Func<string, int, bool>?[] { null, Admits })
            {
                var expected = Counted(projects, start, end, group);
                var read = Read(buckets, start, end, group);
                Assert.Equal(Markers(expected), ProjectClassificationReport.ByPolicyMarker(read));
                Assert.Equal(Goals(expected), ProjectClassificationReport.BySdgGoal(read));
                Assert.Equal(expected.Count, ProjectClassificationReport.ProjectCount(read));
                Assert.Equal(expected.Count(p => p.Classification.SdgGoals.Count == 0), ProjectClassificationReport.ProjectsWithoutGoal(read));
                Assert.Equal(new ProjectLinkage(expected.Count, expected.Count(p => p.OutcomeIds.Count > 0), expected.Count(p => p.StrategicObjectives.Count > 0),
                    expected.Count(p => p.OutcomeIds.Count > 0 && p.StrategicObjectives.Count > 0)), ProjectLinkage.From(read));
            }
    }

    [Fact]
    public void ByPolicyMarker_WhenNothingIsScored_StillReportsGenderAndDisabilityAsNotScored()
    {
        var project = Project.Register(new ProjectPlan("p/1", "Unscored", ["KEN"], [Guid.NewGuid()], 1_000m, new(2020, 1, 1), new(2020, 12, 31), [], []), Now);

        var rows = ProjectClassificationReport.ByPolicyMarker(Read(new ProjectReportTotals().BucketsOf([project]), 2020, 2020, null)).ToList();

        Assert.Equal([new("1", "", 1, 1_000m), new ProjectClassificationRow("11", "", 1, 1_000m)], rows);
    }

    [Fact]
    public void PartnerBuckets_WhenApprovalsVaryBySourceAndMobiliser_GiveThePartnerRowsOfTheFullSplit()
    {
        var random = new Random(9);
        var partners = Enumerable.Range(1, 5).Select(i => Partner.Register($"Partner {i}", PartnerCategory.BilateralGovernment, Now)).ToList();
        var approvals = Enumerable.Range(0, 200).Select(_ => FundingApproval.Record(partners[random.Next(partners.Count)], random.Next(1_000, 90_000),
            random.Next(2015, 2025), new FundingTerms(Guid.NewGuid(), [], Source: (FundingSource)random.Next(1, 4),
                MobilisedBy: (MobilisedBy)random.Next(0, 3)), Now)).ToList();

        var buckets = new FundingApprovalPartnerTotals().BucketsOf(approvals);
        var byPartner = FundingApprovalPartnerTotals.From(buckets, 2017, 2020);

        Assert.Equal(FundingReports.ByPartner(approvals.Where(a => a.Year is >= 2017 and <= 2020)),
            FundingReports.ByPartner(new FundingTotals(byPartner, [])));
        Assert.Equal(partners.Count, buckets.Count); // one bucket per partner, its years as figures
    }

    /// <summary>What the RPCs read: the period's buckets, then the family the group filter asks for.</summary>
    private static IReadOnlyList<Bucket> Read(IReadOnlyList<Bucket> all, int start, int end, Func<string, int, bool>? group)
    {
        var running = ProjectReportTotals.Running(all, start == 0 ? FundingApproval.FirstYear : start, end == 0 ? FundingApproval.LastYear : end);
        return group is null ? [.. running.Where(ProjectReportTotals.IsEverywhere)] : ProjectReportTotals.InGroup(running, group);
    }

    /// <summary>The projects the reports counted before the buckets, by the old conditions.</summary>
    private static List<Project> Counted(List<Project> projects, int start, int end, Func<string, int, bool>? group)
    {
        var from = new DateOnly(start == 0 ? FundingApproval.FirstYear : start, 1, 1);
        var to = new DateOnly(end == 0 ? FundingApproval.LastYear : end, 12, 31);
        return [.. projects.Where(p => p.EndDate >= from && p.StartDate <= to && p.Status != ProjectStatus.Withdrawn)
            .Where(p => group is null || (p.CountryCodes.Count == 1 && group(p.CountryCodes[0], p.StartDate.Year)))];
    }

    private static List<ProjectClassificationRow> Markers(List<Project> projects) =>
        [.. ClassificationGroups.ByPolicyMarker(projects, p => p.Classification)
            .Select(g => new ProjectClassificationRow(g.PolicyMarker, g.Significance, g.Items.Count, g.Items.Sum(p => p.BudgetUsd)))];

    private static List<ProjectClassificationRow> Goals(List<Project> projects) =>
        [.. ClassificationGroups.BySdgGoal(projects, p => p.Classification)
            .Select(g => new ProjectClassificationRow(g.SdgGoal, "", g.Items.Count, g.Items.Sum(p => p.BudgetUsd)))];

    private static List<Project> RandomProjects(Random random, int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        var start = new DateOnly(random.Next(2005, 2025), random.Next(1, 13), 1);
        var countries = random.Next(4) == 0 ? SomeCountries.Take(2).ToArray() : [SomeCountries[random.Next(SomeCountries.Length)]];
        var project = Project.Register(new ProjectPlan($"p/{i}", "Project", countries, [Guid.NewGuid()], random.Next(1_000, 900_000),
            start, start.AddMonths(random.Next(1, 60)), random.Next(3) == 0 ? [] : [Guid.NewGuid()], random.Next(3) == 0 ? [] : [1 + i % 4]), Now);
        var classification = new WorkClassification();
        foreach (var marker in new[] { "1", "2", "11" }.Where(_ => random.Next(2) == 0))
            classification.PolicyMarkers.Add(new PolicyMarkerScore { Code = marker, Significance = random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        classification.SdgGoals = [.. new[] { "1", "5", "8", "10" }.Where(_ => random.Next(3) == 0)];
        project.Classify(classification, Now);
        if (i % 7 == 0) project.Withdraw("No funding", new DateOnly(2024, 5, 1), "test");
        return project;
    })];
}
