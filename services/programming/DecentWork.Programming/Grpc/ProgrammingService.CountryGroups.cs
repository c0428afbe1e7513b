using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Common = DecentWork.Contracts.Common.V1;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>The reports' country-group filter, applied at read time over per-country buckets or programmes.</summary>
public sealed partial class ProgrammingService
{
    /// <summary>
    /// Null when no group is asked for; otherwise whether a country is in it, on the day asked for or
    /// else during the year given (0: today). Reads this service's copy of coordination's statuses:
    /// one record per country, so the cost is bounded by the number of countries, and a status
    /// changing moves no stored bucket.
    /// </summary>
    private async Task<Func<string, int, bool>?> CountryGroupAsync(Common.CountryGroup group, Google.Type.Date? on, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var filter = CountryGroupRegistration.FilterFrom(group, on, violations);
        violations.ThrowIfAny();
        return filter is null ? null
            : await filter.AdmitterAsync(countryStatuses, Today(), context.CancellationToken);
    }

    /// <summary>The groups of a report with a row per country group, or null when none is asked for; refuses a group filter alongside.</summary>
    private static IReadOnlyList<CountryGroupFilter>? CountryGroupRows(bool asked, Common.CountryGroup group, Google.Type.Date? on)
    {
        if (!asked) return null;
        var violations = new FieldViolations();
        var groups = CountryGroupRegistration.GroupsFrom(group, on, violations);
        violations.ThrowIfAny();
        return groups;
    }

    /// <summary>
    /// ReportFundingGaps' totals per country group (<see cref="FundingGapsReport.ByCountryGroup"/>) over
    /// the buckets it totals, with the statuses as stored now: a funding gap is a picture of now, so
    /// without a day each group is today's.
    /// </summary>
    private async Task<IEnumerable<Contract.CountryGroupFundingGap>> FundingGapGroupRowsAsync(IReadOnlyCollection<Bucket> need, IReadOnlyCollection<Bucket> funding,
        ProgrammeStatus status, IReadOnlyList<CountryGroupFilter> groups, CancellationToken cancellationToken)
    {
        var view = await CountryGroupsView.LoadAsync(countryStatuses, cancellationToken);
        return FundingGapsReport.ByCountryGroup(need, funding, status, groups, view, Today()).Select(row => new Contract.CountryGroupFundingGap
        {
            CountryGroup = (Common.CountryGroup)(int)row.Group,
            ProgrammeCount = row.Totals.ProgrammeCount,
            ResourceNeed = ProtoConvert.ToMoney(row.Totals.ResourceNeedUsd),
            FundingMobilised = ProtoConvert.ToMoney(row.Totals.FundingMobilisedUsd),
            FundingGap = ProtoConvert.ToMoney(row.Totals.ResourceNeedUsd - row.Totals.FundingMobilisedUsd),
        });
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
