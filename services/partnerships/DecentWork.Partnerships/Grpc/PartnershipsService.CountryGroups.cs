using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.CountryGroups;

namespace DecentWork.Partnerships.Grpc;

/// <summary>ReportFundingApprovals filtered by country group: per-country buckets, the group applied at read time.</summary>
public sealed partial class PartnershipsService
{
    /// <summary>The period's per-country totals (0 = open bound) of the countries in the group, of one source if given.</summary>
    private async Task<FundingTotals> LoadCountryGroupTotals(int startYear, int endYear, CountryGroupFilter filter, CancellationToken cancellationToken,
        FundingSource? source = null)
    {
        var from = startYear == 0 ? FundingApproval.FirstYear : startYear;
        var to = endYear == 0 ? FundingApproval.LastYear : endYear;
        var buckets = await projections.ReadAsync(FundingApprovalCountryTotals.ProjectionName, FundingApprovalCountryTotals.Between(from, to), cancellationToken);
        var view = await CountryGroupsView.LoadAsync(countryStatuses, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return FundingApprovalCountryTotals.InGroup(buckets, filter, view, today).OfSource(source);
    }
}
