using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// What the approvals allocate to each DWCP outcome, per year and funding source, kept by the store
/// with every approval saved (an amendment or cancellation moves its buckets in the same
/// transaction): "d|year|source|outcome|programme" (outcome and programme as N-format ids, both
/// empty for allocations naming no outcome). A projection of its own, so that the existing report
/// projections keep their buckets and only these are built at start-up.
/// </summary>
public sealed class FundingOutcomeTotals : Projection<FundingApproval>
{
    public const string ProjectionName = "funding-outcome-totals";
    public const string UsdFigure = "usd";
    public const string Outcomes = "d";

    public override string Name => ProjectionName;

    public override void Contribute(FundingApproval approval, Contributions contributions)
    {
        if (approval.IsCancelled()) return;
        var year = BucketKey.Year(approval.Year);
        var source = ((int)approval.Source).ToString("D2", CultureInfo.InvariantCulture);
        // Each bucket counts an approval once however many of its allocations go to the outcome.
        foreach (var allocations in approval.Allocations.GroupBy(a => a.OutcomeId))
        {
            var programme = allocations.Key is null ? "" : ProgrammeOf(approval, allocations.First());
            var key = BucketKey.Of(Outcomes, year, source, allocations.Key?.ToString("N") ?? "", programme);
            contributions.Count(key).Add(key, UsdFigure, allocations.Sum(a => a.AmountUsd));
        }
    }

    private static string ProgrammeOf(FundingApproval approval, Allocation allocation) =>
        (allocation.ProgrammeId ?? approval.ProgrammeId) is var id && id != Guid.Empty ? id.ToString("N") : "";

    public static BucketRange Between(int startYear, int endYear) =>
        BucketRange.Between($"{Outcomes}{BucketKey.Separator}{startYear:D4}", $"{Outcomes}{BucketKey.Separator}{endYear:D4}");
}

/// <summary>One bucket of <see cref="FundingOutcomeTotals"/>: what one year's approvals of one source allocate to one outcome.</summary>
public sealed record OutcomeAllocationTotal(int Year, FundingSource Source, Guid? OutcomeId, Guid? ProgrammeId, decimal AmountUsd, int Count)
{
    public static IEnumerable<OutcomeAllocationTotal> From(IEnumerable<Bucket> buckets) => buckets.Select(b => new OutcomeAllocationTotal(
        int.Parse(b.Parts[1], CultureInfo.InvariantCulture), (FundingSource)int.Parse(b.Parts[2], CultureInfo.InvariantCulture),
        IdOrNull(b.Parts[3]), IdOrNull(b.Parts[4]), b[FundingOutcomeTotals.UsdFigure], (int)b.Count));

    private static Guid? IdOrNull(string part) => part.Length == 0 ? null : Guid.ParseExact(part, "N");

    /// <summary>As an allocation group (key: the outcome id, "" for none), for the shared row grouping.</summary>
    public AllocationTotal AsGroup() => new(FundingOutcomeTotals.Outcomes, Year, Source, OutcomeId?.ToString() ?? "", AmountUsd, Count);
}
