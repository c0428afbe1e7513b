using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Domain;

/// <summary>Who mobilised a period's approvals, in US dollars.</summary>
public sealed record FieldOfficeShare(decimal TotalUsd, decimal FieldOfficeUsd, decimal HeadquartersUsd, decimal NotRecordedUsd)
{
    public string FieldOfficeSharePercent() => FundingReports.Percent(FieldOfficeUsd, TotalUsd);
}

/// <summary>Africa's allocations in one year against the year's approvals and the year before.</summary>
public sealed record AfricaYear(int Year, decimal AfricaUsd, decimal TotalUsd, decimal PreviousAfricaUsd, decimal PreviousTotalUsd)
{
    public string SharePercent() => FundingReports.Percent(AfricaUsd, TotalUsd);
    public string AfricaChangePercent() => FundingReports.Change(AfricaUsd, PreviousAfricaUsd);
    public string TotalChangePercent() => FundingReports.Change(TotalUsd, PreviousTotalUsd);
}

public static class RegionalReports
{
    public static FieldOfficeShare FieldOffice(IReadOnlyCollection<FundingApproval> approvals) => FieldOffice(FundingTotals.Of(approvals));

    public static FieldOfficeShare FieldOffice(FundingTotals totals) => new(
        FundingReports.Total(totals),
        Mobilised(totals, MobilisedBy.FieldOffice),
        Mobilised(totals, MobilisedBy.Headquarters),
        Mobilised(totals, MobilisedBy.NotRecorded));

    /// <summary>
    /// One row per year from start to end; <paramref name="approvals"/> must include the year
    /// before start, which only serves as the base of the first change.
    /// </summary>
    public static List<AfricaYear> Africa(IReadOnlyCollection<FundingApproval> approvals, int startYear, int endYear) =>
        Africa(FundingTotals.Of(approvals), startYear, endYear);

    /// <summary>As above, over the totals of the year before start to end.</summary>
    public static List<AfricaYear> Africa(FundingTotals totals, int startYear, int endYear)
    {
        var africa = totals.Regions.Where(r => r.Region == IloRegion.Africa).GroupBy(r => r.Year).ToDictionary(g => g.Key, g => g.Sum(r => r.AmountUsd));
        var total = totals.Approvals.GroupBy(a => a.Year).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountUsd));
        return [.. Enumerable.Range(startYear, endYear - startYear + 1).Select(year => new AfricaYear(year,
            africa.GetValueOrDefault(year), total.GetValueOrDefault(year),
            africa.GetValueOrDefault(year - 1), total.GetValueOrDefault(year - 1)))];
    }

    private static decimal Mobilised(FundingTotals totals, MobilisedBy by) =>
        totals.Approvals.Where(a => a.MobilisedBy == by).Sum(a => a.AmountUsd);
}
