using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// ReportFundingApprovals grouped by country group: a pure function of the period's
/// <see cref="FundingApprovalCountryTotals"/> buckets and the country statuses. Each group's row is
/// what the report filtered by that group totals; a last row (key <c>default</c>) holds the money
/// allocated to no country, so that Neither, LeastDevelopedOrInCrisis and it add up to every approval.
/// </summary>
public static class FundingByCountryGroupReport
{
    public static List<ReportRow<CountryGroup>> Rows(IReadOnlyCollection<Bucket> countryBuckets, IEnumerable<Bucket> noCountryBuckets,
        IReadOnlyList<CountryGroupFilter> groups, CountryGroupsView view, DateOnly today, FundingSource? source)
    {
        List<ReportRow<CountryGroup>> rows = [.. groups.Select(filter => Row(filter.Group,
            FundingApprovalCountryTotals.InGroup(countryBuckets, filter, view, today).OfSource(source)))];
        rows.Add(Row(default, FundingApprovalCountryTotals.AllocatedToNoCountry(noCountryBuckets).OfSource(source)));
        return rows;
    }

    private static ReportRow<CountryGroup> Row(CountryGroup group, FundingTotals totals) =>
        new(group, FundingReports.Total(totals), FundingReports.Count(totals));
}
