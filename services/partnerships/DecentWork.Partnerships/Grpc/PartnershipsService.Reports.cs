using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;
using Grouping = DecentWork.Contracts.Partnerships.V1.FundingApprovalGrouping;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// The report RPCs: read the period's buckets of <see cref="FundingApprovalTotals"/> (kept with
/// every approval saved), let FundingReports total them, map the rows. No approval is read.
/// </summary>
public sealed partial class PartnershipsService
{
    private const int MaxAfricaYears = 50;

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.ReportFundingApprovalsResponse> ReportFundingApprovals(Contract.ReportFundingApprovalsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.GroupBy == Grouping.Unspecified || !Enum.IsDefined(request.GroupBy), "group_by", "is required and must be a known grouping");
        violations.Check(request.Limit < 0, "limit", "must not be negative");
        violations.Check(!Enum.IsDefined(request.Source), "source", "is not a known funding source");
        CheckPeriod(request.StartYear, request.EndYear, violations);
        var inGroup = FundingCountryGroup(request.CountryGroup, request.CountryGroupOn, request.GroupBy, violations);
        violations.ThrowIfAny();

        var source = request.Source == 0 ? (FundingSource?)null : (FundingSource)request.Source;
        var (rows, found) = await GroupedRows(request.GroupBy, request.StartYear, request.EndYear, source, request.Limit, context, inGroup,
            ProtoConvert.ToDateOnly(request.CountryGroupOn));
        var response = new Contract.ReportFundingApprovalsResponse
        {
            TotalAmount = ProtoConvert.ToMoney(FundingReports.Total(found), FundingApproval.Usd),
            ApprovalCount = FundingReports.Count(found),
        };
        response.Totals.AddRange(request.Limit > 0 ? rows.Take(request.Limit) : rows);
        return response;
    }

    /// <summary>A period's rows for one grouping, with the totals they share of (what ReportFundingApprovals and ReportFundingGrowth show).</summary>
    private async Task<(List<Contract.FundingApprovalTotal> Rows, FundingTotals Found)> GroupedRows(Grouping groupBy, int startYear, int endYear,
        FundingSource? source, int limit, ServerCallContext context, CountryGroupFilter? inGroup = null, DateOnly? groupsOn = null)
    {
        var byPartner = groupBy is Grouping.Partner or Grouping.PartnerCategory;
        var found = inGroup is null ? await LoadTotals(startYear, endYear, context.CancellationToken, source, byPartner)
            : await LoadCountryGroupTotals(startYear, endYear, inGroup, context.CancellationToken, source);
        var total = FundingReports.Total(found);
        var rows = groupBy switch
        {
            Grouping.Year => Rows(FundingReports.ByYear(found), r => (r.Key.ToString(), r.Key.ToString()), total),
            Grouping.Source => Rows(FundingReports.BySource(found), r => (ReportLabels.Key((Contract.FundingSource)r.Key), ReportLabels.Of(r.Key)), total),
            Grouping.Region => Rows(FundingReports.ByRegion(found), r => (ReportLabels.Key(r.Key), ReportLabels.Of(r.Key)), total),
            Grouping.StrategicObjective or Grouping.Theme or Grouping.ImplementingUnit =>
                await AllocationRows(groupBy, startYear, endYear, source, total, context.CancellationToken),
            Grouping.Outcome => await OutcomeRows(startYear, endYear, source, total, context.CancellationToken),
            Grouping.CountryGroup => await CountryGroupRows(startYear, endYear, source, groupsOn, total, context.CancellationToken),
            _ => await PartnerRows(FundingReports.ByPartner(found), groupBy == Grouping.PartnerCategory, total,
                limit, await ReadScopeAsync(context), context.CancellationToken),
        };
        return (rows, found);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.FieldOfficeShareReport> ReportFieldOfficeShare(Contract.ReportFieldOfficeShareRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        CheckPeriod(request.StartYear, request.EndYear, violations);
        var inGroup = CountryGroupRegistration.FilterFrom(request.CountryGroup, request.CountryGroupOn, violations);
        violations.ThrowIfAny();

        var share = RegionalReports.FieldOffice(inGroup is null ? await LoadTotals(request.StartYear, request.EndYear, context.CancellationToken)
            : await LoadCountryGroupTotals(request.StartYear, request.EndYear, inGroup, context.CancellationToken));
        return new Contract.FieldOfficeShareReport
        {
            TotalAmount = ProtoConvert.ToMoney(share.TotalUsd, FundingApproval.Usd),
            FieldOfficeAmount = ProtoConvert.ToMoney(share.FieldOfficeUsd, FundingApproval.Usd),
            HeadquartersAmount = ProtoConvert.ToMoney(share.HeadquartersUsd, FundingApproval.Usd),
            NotRecordedAmount = ProtoConvert.ToMoney(share.NotRecordedUsd, FundingApproval.Usd),
            FieldOfficeSharePercent = share.FieldOfficeSharePercent(),
        };
    }

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.AfricaShareReport> ReportAfricaShare(Contract.ReportAfricaShareRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(!FundingApproval.IsValidYear(request.StartYear), "start_year", $"is required and must be {FundingApproval.FirstYear}-{FundingApproval.LastYear}");
        violations.Check(!FundingApproval.IsValidYear(request.EndYear), "end_year", $"is required and must be {FundingApproval.FirstYear}-{FundingApproval.LastYear}");
        violations.Check(request.EndYear < request.StartYear || request.EndYear - request.StartYear >= MaxAfricaYears, "end_year",
            $"must be from start_year to {MaxAfricaYears - 1} years after it");
        var inGroup = CountryGroupRegistration.FilterFrom(request.CountryGroup, request.CountryGroupOn, violations);
        violations.ThrowIfAny();

        // The year before the period is read too: it is the base of the first year's change.
        var found = inGroup is null ? await LoadTotals(request.StartYear - 1, request.EndYear, context.CancellationToken)
            : await LoadCountryGroupTotals(request.StartYear - 1, request.EndYear, inGroup, context.CancellationToken);
        var response = new Contract.AfricaShareReport();
        response.Years.AddRange(RegionalReports.Africa(found, request.StartYear, request.EndYear).Select(y => new Contract.AfricaShareYear
        {
            Year = y.Year,
            AfricaAmount = ProtoConvert.ToMoney(y.AfricaUsd, FundingApproval.Usd),
            TotalAmount = ProtoConvert.ToMoney(y.TotalUsd, FundingApproval.Usd),
            AfricaSharePercent = y.SharePercent(),
            AfricaChangePercent = y.AfricaChangePercent(),
            TotalChangePercent = y.TotalChangePercent(),
        }));
        return response;
    }

    /// <summary>A period's bounds, 0 meaning open.</summary>
    private static (int From, int To) Years(int startYear, int endYear) =>
        (startYear == 0 ? FundingApproval.FirstYear : startYear, endYear == 0 ? FundingApproval.LastYear : endYear);

    private static void CheckPeriod(int startYear, int endYear, FieldViolations violations)
    {
        var range = $"must be {FundingApproval.FirstYear}-{FundingApproval.LastYear} when set";
        violations.Check(startYear != 0 && !FundingApproval.IsValidYear(startYear), "start_year", range);
        if (violations.Check(endYear != 0 && !FundingApproval.IsValidYear(endYear), "end_year", range))
            violations.Check(endYear != 0 && endYear < startYear, "end_year", "must not be before start_year");
    }

    /// <summary>
    /// The totals of the approvals whose year is in the period (0 = open bound), of one source if
    /// given: two key ranges. Only rows by partner need partner buckets: one per partner (its years
    /// as figures), or per year, partner, source and mobiliser when a source is asked for; every
    /// other report reads the coarse family, a few buckets per year whatever the number of partners.
    /// Rows by partner without a source read no region buckets: nothing they show comes from them.
    /// </summary>
    private async Task<FundingTotals> LoadTotals(int startYear, int endYear, CancellationToken cancellationToken, FundingSource? source = null,
        bool byPartner = false)
    {
        var (from, to) = Years(startYear, endYear);
        if (byPartner && source is null)
            return new FundingTotals(FundingApprovalPartnerTotals.From(
                await projections.ReadAsync(FundingApprovalPartnerTotals.ProjectionName, FundingApprovalPartnerTotals.EveryPartner, cancellationToken), from, to), []);
        var name = FundingApprovalTotals.ProjectionName;
        var regions = await projections.ReadAsync(name, FundingApprovalTotals.RegionsBetween(from, to), cancellationToken);
        var approvalRange = byPartner ? FundingApprovalTotals.ApprovalsBetween(from, to) : FundingApprovalTotals.MobilisedBetween(from, to);
        return FundingTotals.From((await projections.ReadAsync(name, approvalRange, cancellationToken)).Concat(regions)).OfSource(source);
    }

    /// <summary>
    /// By partner (key: id, label: name) or by the partners' category, from the same partner rows.
    /// A partner agency gets only its own partner row, with its share and rank among all of them,
    /// and only when it is among the top <paramref name="limit"/> (0: all) as it would be for
    /// programme staff; category rows are aggregates over every partner of the category, and
    /// everyone gets them. The partners named are read in one query (a partner agency's own by id),
    /// not one read per row.
    /// </summary>
    private async Task<List<Contract.FundingApprovalTotal>> PartnerRows(List<ReportRow<Guid>> byPartner, bool byCategory, decimal total,
        int limit, ReadScope scope, CancellationToken cancellationToken)
    {
        var named = byPartner.Select(r => r.Key).Where(id => byCategory || scope.SeesPartner(id)).ToList();
        var known = (await PartnersAsync(named, cancellationToken)).ToDictionary(p => p.Id);
        if (!byCategory)
            return [.. Rows(byPartner, r => (r.Key.ToString(), known.GetValueOrDefault(r.Key)?.Name ?? "(unknown partner)"), total)
                .Select((row, i) => (Row: row, Partner: byPartner[i].Key))
                .Take(limit > 0 ? limit : byPartner.Count)
                .Where(r => scope.SeesPartner(r.Partner))
                .Select(r => r.Row)];
        var byCategoryRows = FundingReports.ByPartnerCategory(byPartner, id => known.GetValueOrDefault(id)?.Category);
        return Rows(byCategoryRows, r => (ReportLabels.Key((Contract.PartnerCategory)(int)(r.Key ?? 0)), ReportLabels.Of(r.Key)), total);
    }

    /// <summary>The partners of these ids that exist: none, one by id, or all of them in one query.</summary>
    private async Task<IReadOnlyList<Partner>> PartnersAsync(List<Guid> ids, CancellationToken cancellationToken) => ids switch
    {
        [] => [],
        [var only] => await partners.FindAsync(only, cancellationToken) is { } partner ? [partner] : [],
        _ => await partners.ReadAllAsync(Filter.All<Partner>(p => ids.Contains(p.Id)), new SortOrder<Partner>(p => p.SortKey), cancellationToken),
    };

    /// <summary>Maps every group with its key, label, share and rank among all the groups, in the groups' order.</summary>
    private static List<Contract.FundingApprovalTotal> Rows<TKey>(List<ReportRow<TKey>> rows, Func<ReportRow<TKey>, (string Key, string Label)> name, decimal total) =>
        [.. rows.Select(row => new Contract.FundingApprovalTotal
        {
            Key = name(row).Key,
            Label = name(row).Label,
            Amount = ProtoConvert.ToMoney(row.AmountUsd, FundingApproval.Usd),
            ApprovalCount = row.ApprovalCount,
            SharePercent = FundingReports.Percent(row.AmountUsd, total),
            Rank = FundingReports.Rank(row, rows),
        })];
}
