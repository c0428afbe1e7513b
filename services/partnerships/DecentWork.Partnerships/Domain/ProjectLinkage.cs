using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>How many projects are linked to DWCP outcomes and strategic objectives (the paper: 98 per cent).</summary>
public sealed record ProjectLinkage(int Projects, int LinkedToOutcomes, int LinkedToObjectives, int LinkedToBoth)
{
    /// <summary>The linkage of these projects, computed in memory through the projection (withdrawn ones count nowhere).</summary>
    public static ProjectLinkage Of(IEnumerable<Project> projects) =>
        From([.. new ProjectReportTotals().BucketsOf(projects).Where(ProjectReportTotals.IsEverywhere)]);

    /// <summary>The linkage over <see cref="ProjectReportTotals"/> buckets of one family.</summary>
    public static ProjectLinkage From(IReadOnlyList<Bucket> buckets) => new((int)buckets.Sum(b => b.Count),
        (int)buckets.Sum(b => b[ProjectReportTotals.LinkedToOutcomes]),
        (int)buckets.Sum(b => b[ProjectReportTotals.LinkedToObjectives]),
        (int)buckets.Sum(b => b[ProjectReportTotals.LinkedToBoth]));

    public string LinkedSharePercent() => FundingReports.Percent(LinkedToBoth, Projects);
}
