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
    public static FieldOfficeShare FieldOffice(IReadOnlyCollection<FundingApproval> approvals) => new(
        FundingReports.Total(approvals),
        Mobilised(approvals, MobilisedBy.FieldOffice),
        Mobilised(approvals, MobilisedBy.Headquarters),
        Mobilised(approvals, MobilisedBy.NotRecorded));

    /// <summary>
    /// One row per year from start to end; <paramref name="approvals"/> must include the year
    /// before start, which only serves as the base of the first change.
    /// </summary>
    public static List<AfricaYear> Africa(IReadOnlyCollection<FundingApproval> approvals, int startYear, int endYear)
    {
        var africa = approvals.GroupBy(a => a.Year).ToDictionary(g => g.Key, g => AfricaOf(g));
        var total = approvals.GroupBy(a => a.Year).ToDictionary(g => g.Key, g => FundingReports.Total(g));
        return [.. Enumerable.Range(startYear, endYear - startYear + 1).Select(year => new AfricaYear(year,
            africa.GetValueOrDefault(year), total.GetValueOrDefault(year),
            africa.GetValueOrDefault(year - 1), total.GetValueOrDefault(year - 1)))];
    }

    private static decimal AfricaOf(IEnumerable<FundingApproval> approvals) =>
        approvals.SelectMany(a => a.Allocations).Where(x => x.Region == IloRegion.Africa).Sum(x => x.AmountUsd);

    private static decimal Mobilised(IEnumerable<FundingApproval> approvals, MobilisedBy by) =>
        approvals.Where(a => a.MobilisedBy == by).Sum(a => a.AmountUsd);
}
