using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// The approvals per partner and year ("year|partner": approvals and their US dollars), kept in the
/// same save as every approval: what the reports by partner and by partner category read when no
/// source is asked for. At most years × partners buckets, where <see cref="FundingApprovalTotals"/>'
/// partner family also splits by source and mobiliser (up to nine times as many), which only a
/// request for one source needs. A projection of its own, so that no reader of the other
/// projection's families can count an approval twice.
/// </summary>
public sealed class FundingApprovalPartnerTotals : Projection<FundingApproval>
{
    public const string ProjectionName = "funding-approval-partner-totals";

    public override string Name => ProjectionName;

    public override void Contribute(FundingApproval approval, Contributions contributions)
    {
        // A cancelled approval counts nowhere, as in FundingApprovalTotals.
        if (approval.IsCancelled()) return;
        var key = BucketKey.Of(approval.Year.ToString("D4", CultureInfo.InvariantCulture), approval.PartnerId.ToString("N"));
        contributions.Count(key).Add(key, FundingApprovalTotals.UsdFigure, approval.AmountUsd);
    }

    public static BucketRange Between(int startYear, int endYear) => BucketRange.Between($"{startYear:D4}", $"{endYear:D4}");

    /// <summary>The buckets as approval totals of no source or mobiliser (0), which the reports by partner sum by partner.</summary>
    public static List<ApprovalTotal> From(IEnumerable<Bucket> buckets) =>
        [.. buckets.Select(b => new ApprovalTotal(int.Parse(b.Parts[0], NumberStyles.None, CultureInfo.InvariantCulture), 0, Guid.ParseExact(b.Parts[1], "N"), 0,
            b[FundingApprovalTotals.UsdFigure], (int)b.Count))];
}
