using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>The funding gap of one DWCP: programming's resource needs against approvals here.</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.FundingGap> GetFundingGap(Contract.GetFundingGapRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var programmeId = ProtoConvert.ToId(request.ProgrammeId);
        violations.Check(programmeId is null, "programme_id", "is required and must be a UUID");
        CheckPeriod(request.StartYear, request.EndYear, violations);
        violations.ThrowIfAny();
        var id = programmeId!.Value;
        var view = await programmeNeeds.FindAsync(id, context.CancellationToken);

        // Approvals naming the programme, plus those for several programmes (which may allocate to
        // it), of every year: a partner agency sees the gap of a programme it ever funded.
        var ever = new List<FundingApproval>();
        foreach (var programme in new[] { id, Guid.Empty })
            ever.AddRange(await approvals.ReadAllAsync(a => a.ProgrammeId == programme,
                new SortOrder<FundingApproval>(a => a.SortKey), context.CancellationToken));
        var scope = await ReadScopeAsync(context);
        if (view is null || !(scope.SeesEverything || ever.Any(a => scope.SeesPartner(a.PartnerId) && ProgrammeFunding.Funds(id, a))))
            throw new NotFoundException("Approved programme", request.ProgrammeId);
        var from = request.StartYear == 0 ? FundingApproval.FirstYear : request.StartYear;
        var to = request.EndYear == 0 ? FundingApproval.LastYear : request.EndYear;
        var found = ever.Where(a => a.Year >= from && a.Year <= to).ToList();
        var need = view.ResourceNeed();
        var approved = ProgrammeFunding.Approved(id, found);
        var gap = new Contract.FundingGap
        {
            ProgrammeId = id.ToString(),
            CountryCode = view.CountryCode,
            ResourceNeed = Usd(need),
            Approved = Usd(approved),
            Gap = Usd(need - approved),
            CoveredPercent = FundingReports.Percent(approved, need),
        };
        gap.Outcomes.AddRange(view.Current().Select(o =>
        {
            var allocated = ProgrammeFunding.AllocatedTo(o.OutcomeId, found);
            return new Contract.OutcomeFundingGap
            {
                OutcomeId = o.OutcomeId.ToString(), Code = o.Code, StrategicObjective = o.StrategicObjective,
                ResourceNeed = Usd(o.ResourceNeedUsd), Allocated = Usd(allocated), Gap = Usd(o.ResourceNeedUsd - allocated),
            };
        }));
        return gap;
    }


    private static Google.Type.Money Usd(decimal amount) => ProtoConvert.ToMoney(amount, FundingApproval.Usd);
}
