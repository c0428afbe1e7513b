using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;
using Grouping = DecentWork.Contracts.Partnerships.V1.DeliveryGrouping;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// The delivery and expenditure-growth reports: read the period's cells of both finance
/// projections (kept on every write), of the coarsest family the answer allows, let
/// DeliveryReport / ExpenditureGrowthReport total them, map the rows. No transaction or budget
/// book is read.
/// </summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.ReportDeliveryResponse> ReportDelivery(Contract.ReportDeliveryRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(request.GroupBy == Grouping.Unspecified || !Enum.IsDefined(request.GroupBy), "group_by", "is required and must be a known grouping");
        violations.Check(!Enum.IsDefined(request.Source), "source", "is not a known funding source");
        CheckPeriod(request.StartYear, request.EndYear, violations);
        var inGroup = CountryGroupRegistration.FilterFrom(request.CountryGroup, request.CountryGroupOn, violations);
        violations.ThrowIfAny();

        var cancellationToken = context.CancellationToken;
        // The coarsest cells that hold the rows; a country group judges countries, so it needs a family that has them.
        var family = request.GroupBy switch
        {
            Grouping.Project => FinanceKeys.Cells,
            Grouping.Partner => inGroup is null ? FinanceKeys.Partners : FinanceKeys.Cells,
            Grouping.Region or Grouping.Year => inGroup is null ? FinanceKeys.Regions : FinanceKeys.Places,
            _ => FinanceKeys.Places,
        };
        var cells = await InCountryGroupAsync(
            await FinanceCells(family, request.StartYear, request.EndYear, (FundingSource)request.Source, await ReadScopeAsync(context), cancellationToken),
            inGroup, cancellationToken);
        var response = new Contract.ReportDeliveryResponse { Total = Row("", "All", DeliveryReport.Total(cells)) };
        switch (request.GroupBy)
        {
            case Grouping.Project:
                foreach (var t in DeliveryReport.ByProject(cells))
                    response.Rows.Add(Row(t.Key.ToString(), (await projects.FindAsync(t.Key, cancellationToken))?.Code ?? "(unknown project)", t));
                break;
            case Grouping.Partner:
                foreach (var t in DeliveryReport.ByPartner(cells))
                    response.Rows.Add(Row(t.Key == Guid.Empty ? "" : t.Key.ToString(), t.Key == Guid.Empty ? "(several partners)"
                        : (await partners.FindAsync(t.Key, cancellationToken))?.Name ?? "(unknown partner)", t));
                break;
            case Grouping.Country:
                response.Rows.AddRange(DeliveryReport.ByCountry(cells).Select(t => Row(t.Key, CountryLabel(t.Key), t)));
                break;
            case Grouping.Region:
                response.Rows.AddRange(DeliveryReport.ByRegion(cells).Select(t => Row(ReportLabels.Key(t.Key), ReportLabels.Of(t.Key), t)));
                break;
            case Grouping.Year:
                response.Rows.AddRange(DeliveryReport.ByYear(cells).Select(t => Row($"{t.Key}", $"{t.Key}", t)));
                break;
            default:
                response.Rows.AddRange(DeliveryReport.ByCountryAndYear(cells)
                    .Select(t => Row(t.Key, $"{CountryLabel(t.Key.Split('|')[0])} {t.Key.Split('|')[1]}", t)));
                break;
        }
        return response;
    }

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.ReportExpenditureGrowthResponse> ReportExpenditureGrowth(Contract.ReportExpenditureGrowthRequest request,
        ServerCallContext context)
    {
        var violations = new FieldViolations();
        violations.Check(!FundingApproval.IsValidYear(request.Year) || !FundingApproval.IsValidYear(request.Year - 1), "year",
            $"is required and must be {FundingApproval.FirstYear + 1}-{FundingApproval.LastYear}");
        violations.Check(!Enum.IsDefined(request.Source), "source", "is not a known funding source");
        var inGroup = CountryGroupRegistration.FilterFrom(request.CountryGroup, request.CountryGroupOn, violations);
        violations.ThrowIfAny();

        // The year before is read too: it is the base of the change.
        var cells = await InCountryGroupAsync(
            await FinanceCells(inGroup is null ? FinanceKeys.Regions : FinanceKeys.Places, request.Year - 1, request.Year, (FundingSource)request.Source,
                await ReadScopeAsync(context), context.CancellationToken),
            inGroup, context.CancellationToken);
        var response = new Contract.ReportExpenditureGrowthResponse
        {
            Year = request.Year,
            Overall = Growth("", "Overall", ExpenditureGrowthReport.Overall(cells, request.Year)),
        };
        response.Regions.AddRange(ExpenditureGrowthReport.ByRegion(cells, request.Year)
            .Select(g => Growth(ReportLabels.Key(g.Region ?? 0), ReportLabels.Of(g.Region ?? 0), g)));
        return response;
    }

    /// <summary>
    /// The cells of one family (<see cref="FinanceKeys"/>) of the period (0 = open bound) and source
    /// (0 = all). A partner agency's scope is a set of projects, so it reads the per-project cells
    /// whatever the family asked, only those of the projects it funds, and sees nothing of others.
    /// </summary>
    private async Task<List<FinanceCell>> FinanceCells(string family, int startYear, int endYear, FundingSource source, ReadScope scope,
        CancellationToken cancellationToken)
    {
        var visible = await VisibleProjectIdsAsync(scope, cancellationToken);
        var (from, to) = Years(startYear, endYear);
        var range = FinanceKeys.Between(visible is null ? family : FinanceKeys.Cells, from, to);
        var cells = FinanceCell.From((await projections.ReadAsync(ProjectBudgetTotals.ProjectionName, range, cancellationToken))
            .Concat(await projections.ReadAsync(TransactionTotals.ProjectionName, range, cancellationToken)));
        var ofSource = DeliveryReport.OfSource(cells, source == 0 ? null : source);
        return visible is null ? [.. ofSource] : [.. ofSource.Where(c => visible.Contains(c.ProjectId))];
    }

    /// <summary>The ids of the projects a partner agency funds, to filter report cells by; null for a caller who sees every project.</summary>
    private async Task<HashSet<Guid>?> VisibleProjectIdsAsync(ReadScope scope, CancellationToken cancellationToken) => scope.SeesEverything ? null
        : (await projects.ReadAllAsync(scope.Projects!, new SortOrder<Project>(p => p.SortKey), cancellationToken)).Select(p => p.Id).ToHashSet();

    private static string CountryLabel(string code) =>
        code.Length == 0 ? "(several countries)" : Countries.TryFind(code, out var country) ? country.Name : code;

    private static Contract.DeliveryRow Row<TKey>(string key, string label, DeliveryTotal<TKey> total) => new()
    {
        Key = key,
        Label = label,
        Budget = ProtoConvert.ToMoney(total.BudgetUsd),
        Commitments = ProtoConvert.ToMoney(total.CommitmentsUsd),
        Disbursements = ProtoConvert.ToMoney(total.DisbursementsUsd),
        Expenditure = ProtoConvert.ToMoney(total.ExpenditureUsd),
        DeliveryRatePercent = total.DeliveryRatePercent,
    };

    private static Contract.ExpenditureGrowthRow Growth(string key, string label, ExpenditureGrowth growth) => new()
    {
        Key = key,
        Label = label,
        PreviousExpenditure = ProtoConvert.ToMoney(growth.PreviousUsd),
        Expenditure = ProtoConvert.ToMoney(growth.CurrentUsd),
        ChangePercent = growth.ChangePercent,
    };
}
