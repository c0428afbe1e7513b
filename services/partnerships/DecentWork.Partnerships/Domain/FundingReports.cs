using System.Globalization;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Domain;

/// <summary>One group of a report: its key, its money and how many approvals feed it.</summary>
public sealed record ReportRow<TKey>(TKey Key, decimal AmountUsd, int ApprovalCount);

/// <summary>
/// The governing body's funding figures, computed from approvals in decimal arithmetic only.
/// Pure functions over the approvals of a period, so each can be unit-tested against the paper.
/// </summary>
public static class FundingReports
{
    // Over approvals: the same reports computed in memory through the projection (tests, small sets).
    public static List<ReportRow<int>> ByYear(IEnumerable<FundingApproval> approvals) => ByYear(FundingTotals.Of(approvals));
    public static List<ReportRow<Guid>> ByPartner(IEnumerable<FundingApproval> approvals) => ByPartner(FundingTotals.Of(approvals));
    public static List<ReportRow<FundingSource>> BySource(IEnumerable<FundingApproval> approvals) => BySource(FundingTotals.Of(approvals));
    public static List<ReportRow<IloRegion>> ByRegion(IEnumerable<FundingApproval> approvals) => ByRegion(FundingTotals.Of(approvals));

    public static List<ReportRow<int>> ByYear(FundingTotals totals) =>
        [.. Group(totals.Approvals, a => a.Year).OrderBy(r => r.Key)];

    public static List<ReportRow<Guid>> ByPartner(FundingTotals totals) => Largest(Group(totals.Approvals, a => a.PartnerId));

    public static List<ReportRow<FundingSource>> BySource(FundingTotals totals) => Largest(Group(totals.Approvals, a => a.Source));

    /// <summary>By the allocations' region; 0 collects allocations naming no region.</summary>
    public static List<ReportRow<IloRegion>> ByRegion(FundingTotals totals) =>
        Largest([.. totals.Regions.GroupBy(r => r.Region).Select(g => new ReportRow<IloRegion>(g.Key, g.Sum(r => r.AmountUsd), g.Sum(r => r.Count)))]);

    /// <summary>
    /// Allocation buckets (<see cref="FundingAllocationTotals"/>) by their group, largest first. An
    /// approval counts once per group it allocates to, so counts add up across years and sources
    /// but not across groups.
    /// </summary>
    public static List<ReportRow<string>> ByAllocationGroup(IEnumerable<AllocationTotal> totals) =>
        Largest([.. totals.GroupBy(t => t.Group, StringComparer.Ordinal).Select(g => new ReportRow<string>(g.Key, g.Sum(t => t.AmountUsd), g.Sum(t => t.Count)))]);

    /// <summary>
    /// The partner rows gathered by the partners' category (an approval has one partner, so the
    /// counts add up); null collects partners whose category is not known.
    /// </summary>
    public static List<ReportRow<PartnerCategory?>> ByPartnerCategory(IEnumerable<ReportRow<Guid>> partnerRows, Func<Guid, PartnerCategory?> categoryOf) =>
        Largest([.. partnerRows
            .GroupBy(r => categoryOf(r.Key))
            .Select(g => new ReportRow<PartnerCategory?>(g.Key, g.Sum(r => r.AmountUsd), g.Sum(r => r.ApprovalCount)))]);

    /// <summary>A group's place by amount among all groups: 1 for the largest, equal amounts share a place.</summary>
    public static int Rank<TKey>(ReportRow<TKey> row, IEnumerable<ReportRow<TKey>> all) => 1 + all.Count(r => r.AmountUsd > row.AmountUsd);

    public static decimal Total(IEnumerable<FundingApproval> approvals) => approvals.Sum(a => a.AmountUsd);

    public static decimal Total(FundingTotals totals) => totals.Approvals.Sum(a => a.AmountUsd);

    public static int Count(FundingTotals totals) => totals.Approvals.Sum(a => a.Count);

    /// <summary>A share in per cent with two decimals, half away from zero; "" when the whole is zero.</summary>
    public static string Percent(decimal part, decimal whole) =>
        whole == 0 ? "" : Format(part * 100m / whole);

    /// <summary>The change from previous to current in per cent; "" when there was nothing before.</summary>
    public static string Change(decimal current, decimal previous) =>
        previous == 0 ? "" : Format((current - previous) * 100m / previous);

    private static string Format(decimal percent) =>
        Math.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    // Each approval sits in exactly one "a" bucket, so summed counts are distinct approvals.
    private static List<ReportRow<TKey>> Group<TKey>(IEnumerable<ApprovalTotal> totals, Func<ApprovalTotal, TKey> key) where TKey : notnull =>
        [.. totals.GroupBy(key).Select(g => new ReportRow<TKey>(g.Key, g.Sum(a => a.AmountUsd), g.Sum(a => a.Count)))];

    // Largest first; ties in a stable order so pages of a report do not shuffle.
    private static List<ReportRow<TKey>> Largest<TKey>(List<ReportRow<TKey>> rows) =>
        [.. rows.OrderByDescending(r => r.AmountUsd).ThenBy(r => r.Key?.ToString() ?? "", StringComparer.Ordinal)];
}
