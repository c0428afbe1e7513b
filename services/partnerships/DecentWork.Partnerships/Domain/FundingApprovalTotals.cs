using System.Globalization;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// The approvals' additive totals, kept by the store in the same transaction as every approval
/// saved. Two bucket families, year first so that a period is one key range:
/// "a|year|source|partner|mobilised-by" (approvals and their US dollars) and
/// "r|year|source|region" (approvals allocating to the region, and the dollars allocated there),
/// and the coarse "m|year|source|mobilised-by" (the "a" family without the partner: at most years ×
/// 3 × 3 buckets), which every report not grouped by partner reads. Every report on approvals
/// reads these buckets, never the approvals: its cost grows with the groups it shows, not with the
/// number of approvals.
/// </summary>
public sealed class FundingApprovalTotals : Projection<FundingApproval>
{
    public const string ProjectionName = "funding-approval-totals";
    public const string UsdFigure = "usd";
    private const string Approvals = "a";
    private const string Regions = "r";
    private const string Mobilised = "m";

    public override string Name => ProjectionName;

    // 2: the coarse "m" family; the start-up rebuild adds it to stores made by version 1.
    public override int Version => 2;

    public override void Contribute(FundingApproval approval, Contributions contributions)
    {
        // A cancelled approval counts nowhere; the store subtracts what it counted before.
        if (approval.IsCancelled()) return;
        var year = BucketKey.Year(approval.Year);
        var source = Code((int)approval.Source);
        var key = BucketKey.Of(Approvals, year, source, approval.PartnerId.ToString("N"), Code((int)approval.MobilisedBy));
        contributions.Count(key).Add(key, UsdFigure, approval.AmountUsd);
        var coarseKey = BucketKey.Of(Mobilised, year, source, Code((int)approval.MobilisedBy));
        contributions.Count(coarseKey).Add(coarseKey, UsdFigure, approval.AmountUsd);
        // An approval counts once per region it allocates to, however many allocations go there.
        foreach (var region in approval.Allocations.GroupBy(x => x.Region ?? 0))
        {
            var regionKey = BucketKey.Of(Regions, year, source, Code((int)region.Key));
            contributions.Count(regionKey).Add(regionKey, UsdFigure, region.Sum(x => x.AmountUsd));
        }
    }

    public static BucketRange ApprovalsBetween(int startYear, int endYear) =>
        BucketRange.Between($"{Approvals}{BucketKey.Separator}{startYear:D4}", $"{Approvals}{BucketKey.Separator}{endYear:D4}");

    /// <summary>The coarse family: what reports read that do not show partners.</summary>
    public static BucketRange MobilisedBetween(int startYear, int endYear) =>
        BucketRange.Between($"{Mobilised}{BucketKey.Separator}{startYear:D4}", $"{Mobilised}{BucketKey.Separator}{endYear:D4}");

    /// <summary>True for a bucket of the coarse family, which repeats the "a" family's figures without the partner.</summary>
    public static bool IsCoarse(Bucket bucket) => bucket.Key.StartsWith(Mobilised + BucketKey.Separator, StringComparison.Ordinal);

    public static BucketRange RegionsBetween(int startYear, int endYear) =>
        BucketRange.Between($"{Regions}{BucketKey.Separator}{startYear:D4}", $"{Regions}{BucketKey.Separator}{endYear:D4}");

    private static string Code(int value) => value.ToString("D2", CultureInfo.InvariantCulture);
}

/// <summary>One "a" bucket: the approvals of one year, source, partner and mobiliser (partner empty when read from the coarse "m" family).</summary>
public sealed record ApprovalTotal(int Year, FundingSource Source, Guid PartnerId, MobilisedBy MobilisedBy, decimal AmountUsd, int Count);

/// <summary>One "r" bucket: what the approvals of one year and source allocate to one region (0: none named).</summary>
public sealed record RegionTotal(int Year, FundingSource Source, IloRegion Region, decimal AmountUsd, int Count);

/// <summary>The buckets a report reads, parsed; what every funding report is a pure function of.</summary>
public sealed record FundingTotals(IReadOnlyList<ApprovalTotal> Approvals, IReadOnlyList<RegionTotal> Regions)
{
    /// <summary>
    /// Parses buckets of <see cref="FundingApprovalTotals"/> in any order: "r" and one of "a" or
    /// "m" (both would count each approval twice). From "m", rows have no partner.
    /// </summary>
    public static FundingTotals From(IEnumerable<Bucket> buckets)
    {
        var approvals = new List<ApprovalTotal>();
        var regions = new List<RegionTotal>();
        foreach (var bucket in buckets)
        {
            var parts = bucket.Parts;
            var (year, source, amount, count) = (Number(parts[1]), (FundingSource)Number(parts[2]), bucket[FundingApprovalTotals.UsdFigure], (int)bucket.Count);
            if (parts[0] == "a") approvals.Add(new ApprovalTotal(year, source, Guid.ParseExact(parts[3], "N"), (MobilisedBy)Number(parts[4]), amount, count));
            else if (parts[0] == "m") approvals.Add(new ApprovalTotal(year, source, Guid.Empty, (MobilisedBy)Number(parts[3]), amount, count));
            else regions.Add(new RegionTotal(year, source, (IloRegion)Number(parts[3]), amount, count));
        }
        return new FundingTotals(approvals, regions);
    }

    /// <summary>The totals of a set of approvals, computed in memory the way the store keeps them.</summary>
    public static FundingTotals Of(IEnumerable<FundingApproval> approvals) =>
        From(new FundingApprovalTotals().BucketsOf(approvals).Where(b => !FundingApprovalTotals.IsCoarse(b)));

    /// <summary>Only one source's figures (null: all).</summary>
    public FundingTotals OfSource(FundingSource? source) => source is not { } only ? this
        : new FundingTotals([.. Approvals.Where(a => a.Source == only)], [.. Regions.Where(r => r.Source == only)]);

    private static int Number(string part) => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
}
