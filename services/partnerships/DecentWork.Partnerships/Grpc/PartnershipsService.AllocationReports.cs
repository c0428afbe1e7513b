using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;
using Grouping = DecentWork.Contracts.Partnerships.V1.FundingApprovalGrouping;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// Allocation totals by strategic objective, theme and implementing unit (buckets of
/// <see cref="FundingAllocationTotals"/>), and a year's growth on the one before for any grouping.
/// </summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.ReportFundingGrowthResponse> ReportFundingGrowth(Contract.ReportFundingGrowthRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.Year <= FundingApproval.FirstYear || !FundingApproval.IsValidYear(request.Year), "year",
            $"is required and must be {FundingApproval.FirstYear + 1}-{FundingApproval.LastYear}");
        violations.Check(request.GroupBy == Grouping.Unspecified || !Enum.IsDefined(request.GroupBy), "group_by", "is required and must be a known grouping");
        violations.Check(!Enum.IsDefined(request.Source), "source", "is not a known funding source");
        var inGroup = FundingCountryGroup(request.CountryGroup, request.CountryGroupOn, request.GroupBy, violations);
        violations.ThrowIfAny();

        var source = request.Source == 0 ? (FundingSource?)null : (FundingSource)request.Source;
        var groupsOn = ProtoConvert.ToDateOnly(request.CountryGroupOn);
        var (current, currentTotals) = await GroupedRows(request.GroupBy, request.Year, request.Year, source, 0, context, inGroup, groupsOn);
        var (previous, previousTotals) = await GroupedRows(request.GroupBy, request.Year - 1, request.Year - 1, source, 0, context, inGroup, groupsOn);
        var (total, previousTotal) = (FundingReports.Total(currentTotals), FundingReports.Total(previousTotals));
        var response = new Contract.ReportFundingGrowthResponse
        {
            TotalAmount = Usd(total),
            PreviousTotalAmount = Usd(previousTotal),
            TotalChangePercent = FundingReports.Change(total, previousTotal),
        };
        var before = previous.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var keys = current.Select(r => r.Key).Concat(previous.Select(r => r.Key).Where(k => !current.Exists(r => r.Key == k)));
        response.Rows.AddRange(keys.Select(key =>
        {
            var now = current.Find(r => r.Key == key);
            var was = before.GetValueOrDefault(key);
            var (amount, previousAmount) = (Amount(now), Amount(was));
            return new Contract.FundingGrowthRow
            {
                Key = key, Label = (now ?? was)!.Label, Amount = Usd(amount), PreviousAmount = Usd(previousAmount),
                ChangePercent = FundingReports.Change(amount, previousAmount),
            };
        }));
        return response;
    }

    private static decimal Amount(Contract.FundingApprovalTotal? row) => row is null ? 0m : ProtoConvert.ToDecimal(row.Amount);

    /// <summary>One family of allocation buckets for the period (and source), grouped and labelled.</summary>
    private async Task<List<Contract.FundingApprovalTotal>> AllocationRows(Grouping groupBy, int startYear, int endYear, FundingSource? source,
        decimal total, CancellationToken cancellationToken)
    {
        var family = groupBy switch
        {
            Grouping.StrategicObjective => FundingAllocationTotals.Objectives,
            Grouping.Theme => FundingAllocationTotals.Themes,
            _ => FundingAllocationTotals.Units,
        };
        var (from, to) = Years(startYear, endYear);
        var buckets = await projections.ReadAsync(FundingAllocationTotals.ProjectionName, FundingAllocationTotals.Between(family, from, to), cancellationToken);
        var found = AllocationTotal.From(buckets).Where(b => source is null || b.Source == source);
        return Rows(FundingReports.ByAllocationGroup(found), r => groupBy switch
        {
            Grouping.StrategicObjective => (r.Key.TrimStart('0') is { Length: > 0 } o ? o : "0", ReportLabels.Objective(r.Key)),
            Grouping.Theme => (ReportLabels.Key((Contract.AllocationTheme)int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)),
                ReportLabels.Theme(r.Key)),
            _ => (r.Key, ImplementingUnits.NameOf(r.Key)),
        }, total);
    }
}
