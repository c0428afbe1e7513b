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
    public static List<ReportRow<int>> ByYear(IEnumerable<FundingApproval> approvals) =>
        [.. Group<int>(approvals, a => [(a.Year, a.AmountUsd)]).OrderBy(r => r.Key)];

    public static List<ReportRow<Guid>> ByPartner(IEnumerable<FundingApproval> approvals) =>
        Largest(Group<Guid>(approvals, a => [(a.PartnerId, a.AmountUsd)]));

    public static List<ReportRow<FundingSource>> BySource(IEnumerable<FundingApproval> approvals) =>
        Largest(Group<FundingSource>(approvals, a => [(a.Source, a.AmountUsd)]));

    /// <summary>By the allocations' region; 0 collects allocations naming no region.</summary>
    public static List<ReportRow<IloRegion>> ByRegion(IEnumerable<FundingApproval> approvals) =>
        Largest(Group<IloRegion>(approvals, a => a.Allocations.Select(x => (x.Region ?? 0, x.AmountUsd))));

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

    /// <summary>A share in per cent with two decimals, half away from zero; "" when the whole is zero.</summary>
    public static string Percent(decimal part, decimal whole) =>
        whole == 0 ? "" : Format(part * 100m / whole);

    /// <summary>The change from previous to current in per cent; "" when there was nothing before.</summary>
    public static string Change(decimal current, decimal previous) =>
        previous == 0 ? "" : Format((current - previous) * 100m / previous);

    private static string Format(decimal percent) =>
        Math.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static List<ReportRow<TKey>> Group<TKey>(IEnumerable<FundingApproval> approvals,
        Func<FundingApproval, IEnumerable<(TKey Key, decimal Amount)>> parts) where TKey : notnull =>
        [.. approvals
            .SelectMany(a => parts(a).Select(p => (p.Key, p.Amount, a.Id)))
            .GroupBy(p => p.Key)
            .Select(g => new ReportRow<TKey>(g.Key, g.Sum(p => p.Amount), g.Select(p => p.Id).Distinct().Count()))];

    // Largest first; ties in a stable order so pages of a report do not shuffle.
    private static List<ReportRow<TKey>> Largest<TKey>(List<ReportRow<TKey>> rows) =>
        [.. rows.OrderByDescending(r => r.AmountUsd).ThenBy(r => r.Key?.ToString() ?? "", StringComparer.Ordinal)];
}
