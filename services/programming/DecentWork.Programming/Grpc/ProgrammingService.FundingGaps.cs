using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>The funding gap report: resource needs against money mobilised, per programme and outcome.</summary>
public sealed partial class ProgrammingService
{
    [Authorize(Policy = AccessPolicies.ProgrammesReport)]
    public override async Task<Contract.ReportFundingGapsResponse> ReportFundingGaps(Contract.ReportFundingGapsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        // All matching programmes are read because the totals cover every page.
        var inGroup = await CountryGroupAsync(request.CountryGroup, request.CountryGroupOn, context);
        var all = await ReportedProgrammesAsync(request.Region, request.Country, request.Status, violations, context);
        // The group on the day asked for, or today: a funding gap is a picture of now.
        if (inGroup is not null) all = [.. all.Where(p => inGroup(p.CountryCode, 0))];
        var funding = await AllFundingAsync(context.CancellationToken);
        var (shown, total, next) = page.Of(all, p => p.SortKey);
        var response = new Contract.ReportFundingGapsResponse
        {
            NextPageToken = next,
            TotalSize = total,
            TotalResourceNeed = ProtoConvert.ToMoney(all.Sum(p => p.ResourceNeedUsd())),
            TotalFundingMobilised = ProtoConvert.ToMoney(all.Sum(p => FundingIn(funding, p.Id).MobilisedUsd)),
        };
        response.Programmes.AddRange(shown.Select(p => ToFundingGap(p, FundingIn(funding, p.Id))));
        return response;
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
