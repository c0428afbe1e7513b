using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// The approvals of each partner, one bucket per partner (key: the partner's id) with two figures
/// per year, "n-YYYY" (approvals) and "usd-YYYY" (their US dollars), kept in the same save as every
/// approval: what the reports by partner and by partner category read when no source is asked for.
/// One bucket per partner rather than one per partner and year (version 1): a report over thirty
/// years of fifty partners read 1,550 buckets and took about 60 ms; it now reads 50 (a read costs
/// per bucket, far more than per figure). <see cref="FundingApprovalTotals"/>' partner family
/// splits by source and mobiliser as well, which only a request for one source needs. A projection
/// of its own, so that no reader of the other projection's families can count an approval twice.
/// </summary>
public sealed class FundingApprovalPartnerTotals : Projection<FundingApproval>
{
    public const string ProjectionName = "funding-approval-partner-totals";

    public override string Name => ProjectionName;

    public override int Version => 2;

    public override void Contribute(FundingApproval approval, Contributions contributions)
    {
        // A cancelled approval counts nowhere, as in FundingApprovalTotals.
        if (approval.IsCancelled()) return;
        YearFigures.Add(contributions, approval.PartnerId.ToString("N"), approval.Year, approval.AmountUsd);
    }

    /// <summary>Every partner's bucket: the years are figures, picked by <see cref="From"/>.</summary>
    public static BucketRange EveryPartner => BucketRange.Prefix("");

    /// <summary>
    /// The buckets' years from <paramref name="startYear"/> to <paramref name="endYear"/> as approval
    /// totals of no source or mobiliser (0), which the reports by partner sum by partner.
    /// </summary>
    public static List<ApprovalTotal> From(IEnumerable<Bucket> buckets, int startYear, int endYear) =>
        [.. buckets.SelectMany(b => YearFigures.Of(b).Where(y => y.Year >= startYear && y.Year <= endYear)
            .Select(y => new ApprovalTotal(y.Year, 0, Guid.ParseExact(b.Key, "N"), 0, y.AmountUsd, y.Approvals)))];
}
