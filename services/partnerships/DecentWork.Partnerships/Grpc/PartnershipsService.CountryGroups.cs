using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using Contract = DecentWork.Contracts.Partnerships.V1;
using Grouping = DecentWork.Contracts.Partnerships.V1.FundingApprovalGrouping;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Funding, finance and project reports filtered by country group: per-country buckets, cells or projects, the group applied at read time.</summary>
public sealed partial class PartnershipsService
{
    /// <summary>The period's per-country totals (0 = open bound) of the countries in the group, of one source if given.</summary>
    private async Task<FundingTotals> LoadCountryGroupTotals(int startYear, int endYear, CountryGroupFilter filter, CancellationToken cancellationToken,
        FundingSource? source = null)
    {
        var (from, to) = Years(startYear, endYear);
        var buckets = await projections.ReadAsync(FundingApprovalCountryTotals.ProjectionName, FundingApprovalCountryTotals.Between(from, to), cancellationToken);
        var view = await CountryGroupsView.LoadAsync(countryStatuses, cancellationToken);
        return FundingApprovalCountryTotals.InGroup(buckets, filter, view, Today()).OfSource(source);
    }

    /// <summary>
    /// The rows of a funding report grouped by country group (<see cref="FundingByCountryGroupReport"/>),
    /// each group judged on <paramref name="on"/> or else in each approval's year; shares are of
    /// <paramref name="total"/>, every approval of the period. Two key ranges and the statuses.
    /// </summary>
    private async Task<List<Contract.FundingApprovalTotal>> CountryGroupRows(int startYear, int endYear, FundingSource? source, DateOnly? on, decimal total,
        CancellationToken cancellationToken)
    {
        var (from, to) = Years(startYear, endYear);
        var name = FundingApprovalCountryTotals.ProjectionName;
        var countries = await projections.ReadAsync(name, FundingApprovalCountryTotals.Between(from, to), cancellationToken);
        var noCountry = await projections.ReadAsync(name, FundingApprovalCountryTotals.NoCountryBetween(from, to), cancellationToken);
        var view = await CountryGroupsView.LoadAsync(countryStatuses, cancellationToken);
        var groups = CountryGroups.RowOrder.Select(g => new CountryGroupFilter(g, on)).ToList();
        return Rows(FundingByCountryGroupReport.Rows([.. countries], noCountry, groups, view, Today(), source),
            r => (ReportLabels.Key((Contracts.Common.V1.CountryGroup)(int)r.Key), r.Key.Label()), total);
    }

    /// <summary>
    /// The request's country group for a funding report grouped by <paramref name="groupBy"/>. The
    /// allocation totals are kept per objective, theme and unit, not per country: a country group
    /// cannot filter them, and an unfiltered answer would look filtered.
    /// </summary>
    private static CountryGroupFilter? FundingCountryGroup(Contracts.Common.V1.CountryGroup group, Google.Type.Date? on, Grouping groupBy,
        FieldViolations violations)
    {
        if (groupBy == Grouping.CountryGroup)
        {
            CountryGroupRegistration.GroupsFrom(group, on, violations);
            return null;
        }
        var inGroup = CountryGroupRegistration.FilterFrom(group, on, violations);
        violations.Check(inGroup is not null && groupBy is Grouping.StrategicObjective or Grouping.Theme or Grouping.ImplementingUnit or Grouping.Outcome,
            "country_group", "cannot be combined with group_by strategic objective, theme, implementing unit or outcome");
        return inGroup;
    }

    /// <summary>
    /// Whether a project's participation in a country and year counts: in one country of the group,
    /// judged in that year unless the filter names a day; every one without a filter.
    /// </summary>
    private async Task<Func<string, int, bool>> ParticipationInCountryGroupAsync(CountryGroupFilter? filter, CancellationToken cancellationToken)
    {
        if (filter is null) return (_, _) => true;
        var admits = await filter.AdmitterAsync(countryStatuses, Today(), cancellationToken);
        return (country, year) => country.Length > 0 && admits(country, year);
    }

    /// <summary>
    /// The finance cells of projects in one country of the group (each cell judged in its own year
    /// unless the filter names a day); a project in several countries is in no group.
    /// </summary>
    private async Task<List<FinanceCell>> InCountryGroupAsync(List<FinanceCell> cells, CountryGroupFilter? filter, CancellationToken cancellationToken)
    {
        if (filter is null) return cells;
        var admits = await filter.AdmitterAsync(countryStatuses, Today(), cancellationToken);
        return [.. cells.Where(c => c.CountryCode.Length > 0 && admits(c.CountryCode, c.Year))];
    }

}
