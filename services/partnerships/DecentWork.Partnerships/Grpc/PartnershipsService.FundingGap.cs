using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// The funding gap of one DWCP: programming's resource needs against approvals here, read from the
/// programme's and its outcomes' buckets of <see cref="ProgrammeFundingTotals"/>, never from the approvals.
/// </summary>
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

        // A partner agency sees the gap of a programme it ever funded.
        var scope = await ReadScopeAsync(context);
        if (view is null || !(scope.SeesEverything || (await projections.ReadAsync(ProgrammeFundingTotals.ProjectionName,
                ProgrammeFundingTotals.PartnersOf(id), context.CancellationToken)).Any(b => scope.SeesPartner(ProgrammeFundingTotals.PartnerOf(b)))))
            throw new NotFoundException("Approved programme", request.ProgrammeId);
        var (from, to) = Years(request.StartYear, request.EndYear);
        var need = view.ResourceNeed();
        var approved = (await projections.ReadAsync(ProgrammeFundingTotals.ProjectionName, ProgrammeFundingTotals.TotalsOf(id), context.CancellationToken))
            .SelectMany(ProgrammeFundingYear.From).Where(y => y.Year >= from && y.Year <= to).Sum(y => y.AmountUsd);
        var allocated = new Dictionary<Guid, decimal>();
        var rbsa = 0m;
        foreach (var outcome in view.Current())
        {
            var fromApprovals = OutcomeFundingYear.AllocatedTo(id, OutcomeFundingYear.From(await projections.ReadAsync(
                ProgrammeFundingTotals.ProjectionName, ProgrammeFundingTotals.OfOutcome(outcome.OutcomeId), context.CancellationToken)), from, to);
            // RBSA from the pools counts for the outcome like an allocation, and for the programme:
            // the RBSA approvals themselves named no programme, so it is not in approved yet.
            var fromRbsa = OutcomeFundingYear.AllocatedTo(id, OutcomeFundingYear.From(await projections.ReadAsync(
                RbsaOutcomeTotals.ProjectionName, ProgrammeFundingTotals.OfOutcome(outcome.OutcomeId), context.CancellationToken)), from, to);
            allocated[outcome.OutcomeId] = fromApprovals + fromRbsa;
            rbsa += fromRbsa;
        }
        approved += rbsa;
        var gap = new Contract.FundingGap
        {
            ProgrammeId = id.ToString(),
            CountryCode = view.CountryCode,
            ResourceNeed = Usd(need),
            Approved = Usd(approved),
            Gap = Usd(need - approved),
            CoveredPercent = FundingReports.Percent(approved, need),
            RbsaAllocated = Usd(rbsa),
        };
        gap.Outcomes.AddRange(view.Current().Select(o =>
        {
            var outcomeAllocated = allocated[o.OutcomeId];
            return new Contract.OutcomeFundingGap
            {
                OutcomeId = o.OutcomeId.ToString(), Code = o.Code, StrategicObjective = o.StrategicObjective,
                ResourceNeed = Usd(o.ResourceNeedUsd), Allocated = Usd(outcomeAllocated), Gap = Usd(o.ResourceNeedUsd - outcomeAllocated),
            };
        }));
        return gap;
    }


    private static Google.Type.Money Usd(decimal amount) => ProtoConvert.ToMoney(amount, FundingApproval.Usd);
}
