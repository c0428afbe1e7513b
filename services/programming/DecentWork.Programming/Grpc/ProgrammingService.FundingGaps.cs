using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>
/// The funding gap report: resource needs against money mobilised, per programme and outcome; and
/// what it shares with the report by strategic objective, the buckets joining programmes and money.
/// </summary>
public sealed partial class ProgrammingService
{
    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportFundingGapsResponse> ReportFundingGaps(Contract.ReportFundingGapsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var byGroup = CountryGroupRows(request.GroupByCountryGroup, request.CountryGroup, request.CountryGroupOn);
        var inGroup = await CountryGroupAsync(request.CountryGroup, request.CountryGroupOn, context);
        var filter = ReportFilter(request.Region, request.Country, request.Status, violations, context);
        // The totals come from the buckets (a few per country the caller sees), the rows from one
        // keyed page of programmes and their own funding buckets: neither grows with the programmes not shown.
        var (need, funding) = await FundingGroupBucketsAsync(request.Region, request.Country, inGroup, context);
        var totals = FundingGapsReport.From(need, funding, (ProgrammeStatus)request.Status);
        if (inGroup is not null)
        {
            // The group on the day asked for, or today: a funding gap is a picture of now.
            var countries = need.Select(FundingGroups.CountryOf).Distinct().ToList();
            filter = Filter.All(filter, p => countries.Contains(p.CountryCode));
        }
        var order = new SortOrder<Programme>(p => p.SortKey);
        var found = await programmes.QueryAfterAsync(filter, order, page.After, page.Size + 1, context.CancellationToken);
        var shown = found.Take(page.Size).ToList();
        var response = new Contract.ReportFundingGapsResponse
        {
            NextPageToken = found.Count > page.Size ? PageTokens.Seal(order.KeyOf(shown[^1])) : "",
            TotalSize = totals.ProgrammeCount,
            TotalResourceNeed = ProtoConvert.ToMoney(totals.ResourceNeedUsd),
            TotalFundingMobilised = ProtoConvert.ToMoney(totals.FundingMobilisedUsd),
        };
        foreach (var programme in shown)
            response.Programmes.Add(ToFundingGap(programme, await FundingOfAsync(programme.Id, context.CancellationToken)));
        if (byGroup is not null)
            response.CountryGroupTotals = new Contract.CountryGroupFundingGaps
            {
                Rows = { await FundingGapGroupRowsAsync(need, funding, (ProgrammeStatus)request.Status, byGroup, context.CancellationToken) },
            };
        return response;
    }

    /// <summary>
    /// The programme side and the money side of the joined reports (ProgrammeNeedByGroupProjection,
    /// FundingByGroupProjection), in the region and country asked for that the caller may see, and
    /// in the country group when one is asked for (judged on the day asked for, or today).
    /// </summary>
    private async Task<(List<Bucket> Need, List<Bucket> Funding)> FundingGroupBucketsAsync(Contract.IloRegion region, string country,
        Func<string, int, bool>? inGroup, ServerCallContext context)
    {
        var need = await ReportBucketsAsync(ProgrammeNeedByGroupProjection.ProjectionName, region, country, context);
        var funding = await ReportBucketsAsync(FundingByGroupProjection.ProjectionName, region, country, context);
        if (inGroup is null) return (need, funding);
        return ([.. need.Where(b => inGroup(FundingGroups.CountryOf(b), 0))], [.. funding.Where(b => inGroup(FundingGroups.CountryOf(b), 0))]);
    }

    private static Contract.ProgrammeFundingGap ToFundingGap(Programme programme, ProgrammeFunding funding)
    {
        var row = new Contract.ProgrammeFundingGap
        {
            ProgrammeId = programme.Id.ToString(),
            CountryCode = programme.CountryCode,
            Title = programme.Title,
            Status = (Contract.ProgrammeStatus)programme.Status,
            ResourceNeed = ProtoConvert.ToMoney(programme.ResourceNeedUsd()),
            FundingMobilised = ProtoConvert.ToMoney(funding.MobilisedUsd),
            FundingGap = ProtoConvert.ToMoney(funding.GapOf(programme)),
        };
        row.Outcomes.AddRange(programme.Outcomes.Where(o => !o.Withdrawn).Select(o => new Contract.OutcomeFundingGap
        {
            OutcomeId = o.Id.ToString(),
            Code = o.Code,
            StrategicObjective = (Contract.StrategicObjective)o.StrategicObjective,
            ResourceNeed = ProtoConvert.ToMoney(o.ResourceNeedUsd),
            FundingMobilised = ProtoConvert.ToMoney(funding.MobilisedFor(o.Id)),
            FundingGap = ProtoConvert.ToMoney(o.ResourceNeedUsd - funding.MobilisedFor(o.Id)),
        }));
        return row;
    }
}
