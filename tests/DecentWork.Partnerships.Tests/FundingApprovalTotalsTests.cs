using DecentWork.Partnerships.Domain;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// The coarse "m" family the reports without partners read must hold exactly what the partner
/// buckets hold, summed over partners: same totals, counts, years, sources and mobilisers.
/// </summary>
public class FundingApprovalTotalsTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CoarseBuckets_WhenApprovalsVaryByPartnerSourceAndMobiliser_AddUpToThePartnerBuckets()
    {
        var random = new Random(5);
        var partners = Enumerable.Range(1, 6).Select(i => Partner.Register($"Partner {i}", PartnerCategory.BilateralGovernment, Now)).ToList();
        var approvals = Enumerable.Range(0, 300).Select(_ => FundingApproval.Record(partners[random.Next(partners.Count)], random.Next(1_000, 90_000),
            random.Next(2015, 2025), new FundingTerms(Guid.NewGuid(), [], Source: (FundingSource)random.Next(1, 4),
                MobilisedBy: (MobilisedBy)random.Next(0, 3)), Now)).ToList();
        var buckets = new FundingApprovalTotals().BucketsOf(approvals).ToList();

        var fine = FundingTotals.From(buckets.Where(b => !FundingApprovalTotals.IsCoarse(b)));
        var coarse = FundingTotals.From(buckets.Where(b => FundingApprovalTotals.IsCoarse(b) || b.Parts[0] == "r"));

        Assert.Equal(approvals.Sum(a => a.AmountUsd), FundingReports.Total(coarse));
        Assert.Equal(approvals.Count, FundingReports.Count(coarse));
        Assert.Equal(FundingReports.ByYear(fine), FundingReports.ByYear(coarse));
        Assert.Equal(FundingReports.BySource(fine), FundingReports.BySource(coarse));
        Assert.Equal(RegionalReports.FieldOffice(fine), RegionalReports.FieldOffice(coarse));
        Assert.Equal(RegionalReports.Africa(fine, 2016, 2024), RegionalReports.Africa(coarse, 2016, 2024));
        Assert.True(coarse.Approvals.Count < fine.Approvals.Count, "the coarse family has fewer buckets than the partner family");
        // What the unit tests compute in memory is the partner family, never both.
        Assert.Equal(fine, FundingTotals.Of(approvals), new FundingTotalsComparer());
    }

    // Records holding lists compare by reference; compare their rows.
    private sealed class FundingTotalsComparer : IEqualityComparer<FundingTotals>
    {
        public bool Equals(FundingTotals? x, FundingTotals? y) =>
            x!.Approvals.OrderBy(a => a.ToString()).SequenceEqual(y!.Approvals.OrderBy(a => a.ToString()))
            && x.Regions.OrderBy(r => r.ToString()).SequenceEqual(y.Regions.OrderBy(r => r.ToString()));

        public int GetHashCode(FundingTotals obj) => 0;
    }
}
