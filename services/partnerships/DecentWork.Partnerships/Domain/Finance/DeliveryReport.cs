using System.Globalization;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>One group's money: budget, commitments, disbursements, expenditure (US dollars).</summary>
public sealed record DeliveryTotal<TKey>(TKey Key, decimal BudgetUsd, decimal CommitmentsUsd, decimal DisbursementsUsd, decimal ExpenditureUsd)
{
    /// <summary>Expenditure / budget in per cent ("" when nothing is budgeted).</summary>
    public string DeliveryRatePercent => FundingReports.Percent(ExpenditureUsd, BudgetUsd);
}

/// <summary>
/// Delivery (the MPTF Office Gateway's "delivery rate": expenditure over budget) and the money
/// flows behind it, grouped any way a report asks. Pure functions of the cells of a period.
/// </summary>
public static class DeliveryReport
{
    public static DeliveryTotal<string> Total(IEnumerable<FinanceCell> cells) => Sum("", cells);

    public static List<DeliveryTotal<Guid>> ByProject(IEnumerable<FinanceCell> cells) => Group(cells, c => c.ProjectId);

    public static List<DeliveryTotal<string>> ByCountry(IEnumerable<FinanceCell> cells) => Group(cells, c => c.CountryCode);

    public static List<DeliveryTotal<IloRegion>> ByRegion(IEnumerable<FinanceCell> cells) => Group(cells, c => c.Region);

    public static List<DeliveryTotal<Guid>> ByPartner(IEnumerable<FinanceCell> cells) => Group(cells, c => c.PartnerId);

    public static List<DeliveryTotal<int>> ByYear(IEnumerable<FinanceCell> cells) => Group(cells, c => c.Year);

    /// <summary>By country, then year: "ZMB|2007".</summary>
    public static List<DeliveryTotal<string>> ByCountryAndYear(IEnumerable<FinanceCell> cells) =>
        Group(cells, c => $"{c.CountryCode}|{c.Year.ToString("D4", CultureInfo.InvariantCulture)}");

    /// <summary>Only the money of one source (null: all).</summary>
    public static IEnumerable<FinanceCell> OfSource(IEnumerable<FinanceCell> cells, FundingSource? source) =>
        source is { } only ? cells.Where(c => c.Source == only) : cells;

    // Ordered by key so a report reads the same on every call, whatever order the buckets came in.
    private static List<DeliveryTotal<TKey>> Group<TKey>(IEnumerable<FinanceCell> cells, Func<FinanceCell, TKey> key) where TKey : notnull =>
        [.. cells.GroupBy(key).Select(g => Sum(g.Key, g)).OrderBy(t => t.Key)];

    private static DeliveryTotal<TKey> Sum<TKey>(TKey key, IEnumerable<FinanceCell> cells)
    {
        var list = cells as IReadOnlyCollection<FinanceCell> ?? [.. cells];
        return new DeliveryTotal<TKey>(key, list.Sum(c => c.BudgetUsd), list.Sum(c => c.CommitmentsUsd), list.Sum(c => c.DisbursementsUsd),
            list.Sum(c => c.ExpenditureUsd));
    }
}
