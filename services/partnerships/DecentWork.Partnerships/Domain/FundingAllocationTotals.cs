using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// What the approvals allocate per strategic objective, theme and implementing unit, kept by the
/// store with every approval saved (amended and cancelled ones move their buckets in the same
/// transaction): "s|year|source|objective", "t|year|source|theme", "u|year|source|unit" (0 or
/// empty: none named). Each bucket counts an approval once however many of its allocations go there.
/// A projection of its own, not more families of <see cref="FundingApprovalTotals"/>, so that one's
/// stored buckets stay valid and only these are built at start-up.
/// </summary>
public sealed class FundingAllocationTotals : Projection<FundingApproval>
{
    public const string ProjectionName = "funding-allocation-totals";
    public const string UsdFigure = "usd";
    public const string Objectives = "s";
    public const string Themes = "t";
    public const string Units = "u";

    public override string Name => ProjectionName;

    public override void Contribute(FundingApproval approval, Contributions contributions)
    {
        if (approval.IsCancelled()) return;
        var year = BucketKey.Year(approval.Year);
        var source = ((int)approval.Source).ToString("D2", CultureInfo.InvariantCulture);
        Add(Objectives, a => (a.StrategicObjective ?? 0).ToString(CultureInfo.InvariantCulture));
        Add(Themes, a => ((int)(a.Theme ?? 0)).ToString("D2", CultureInfo.InvariantCulture));
        Add(Units, a => a.ImplementingUnit ?? "");

        void Add(string family, Func<Allocation, string> group)
        {
            foreach (var allocations in approval.Allocations.GroupBy(group))
            {
                var key = BucketKey.Of(family, year, source, allocations.Key);
                contributions.Count(key).Add(key, UsdFigure, allocations.Sum(x => x.AmountUsd));
            }
        }
    }

    public static BucketRange Between(string family, int startYear, int endYear) =>
        BucketRange.Between($"{family}{BucketKey.Separator}{startYear:D4}", $"{family}{BucketKey.Separator}{endYear:D4}");
}

/// <summary>One bucket of <see cref="FundingAllocationTotals"/>: what one year's approvals of one source allocate to one group.</summary>
public sealed record AllocationTotal(string Family, int Year, FundingSource Source, string Group, decimal AmountUsd, int Count)
{
    public static IEnumerable<AllocationTotal> From(IEnumerable<Bucket> buckets) => buckets.Select(b => new AllocationTotal(
        b.Parts[0], int.Parse(b.Parts[1], CultureInfo.InvariantCulture), (FundingSource)int.Parse(b.Parts[2], CultureInfo.InvariantCulture),
        b.Parts[3], b[FundingAllocationTotals.UsdFigure], (int)b.Count));
}
