using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;
using Region = DecentWork.Contracts.Programming.V1.IloRegion;

namespace DecentWork.Partnerships.Grpc;

/// <summary>RBSA: the Office's allocation of a biennium's un-earmarked contributions.</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.RbsaPool> AllocateRbsa(Contract.AllocateRbsaRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        CheckBiennium(request.BienniumStartYear, violations);
        violations.Check(!Enum.IsDefined(request.Region), "region", "is not a known ILO region");
        var outcomeId = FundingApprovalInput.OptionalId(request.OutcomeId, "outcome_id", violations);
        violations.Check(request.StrategicObjective != 0 && !Allocation.IsValidStrategicObjective(request.StrategicObjective),
            "strategic_objective", "must be 1-4, or 0 for none");
        var amount = FundingApprovalInput.Usd(request.Amount, "amount", violations);
        violations.Check(request.Note.Length > MaxNoteLength, "note", $"must be at most {MaxNoteLength} characters");
        violations.Check(request.ExpectedVersion < 0, "expected_version", "must not be negative");
        violations.ThrowIfAny();

        // Like an approval's allocation, the outcome must be one programming approved and did not withdraw.
        // Its programme is kept with the allocation: the funding gaps read it here (RbsaOutcomeTotals)
        // and programming counts it through RbsaAllocated.
        Guid? programmeId = null;
        if (outcomeId is { } outcome)
        {
            var targets = await LoadTargets([], [outcome], context.CancellationToken);
            targets.FundableOutcome(outcome);
            programmeId = targets.ProgrammeWithOutcome(outcome)?.Id;
        }
        var contributed = await RbsaContributed(request.BienniumStartYear, context.CancellationToken);
        var allocation = new RbsaAllocation
        {
            Id = Guid.NewGuid(),
            Region = request.Region == Region.Unspecified ? null : (IloRegion)request.Region,
            OutcomeId = outcomeId,
            ProgrammeId = programmeId,
            StrategicObjective = request.StrategicObjective == 0 ? null : request.StrategicObjective,
            AmountUsd = amount,
            Note = request.Note.Trim(),
            AllocatedAt = clock.GetUtcNow(),
            AllocatedBy = Caller.From(context).Display,
        };
        // A biennium nothing was allocated from yet is opened by its first allocation: two first
        // allocations racing to open it meet on its key (a duplicate key), a lost race like any other,
        // so the loser allocates again from the winner's pool (the pool's id is its only unique key).
        var pool = await rbsaPools.ChangeAsync(
            async token => await rbsaPools.FindAsync(RbsaPool.IdFor(request.BienniumStartYear), token) ?? RbsaPool.Open(request.BienniumStartYear),
            request.ExpectedVersion,
            found =>
            {
                found.Allocate(allocation, contributed);
                return Task.FromResult(true);
            },
            context.CancellationToken, ConflictRetry.Request with { DuplicateKeyIsConflict = true });
        return RbsaMapping.ToProto(pool, contributed);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsReport)]
    public override async Task<Contract.RbsaPool> GetRbsaPool(Contract.GetRbsaPoolRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        CheckBiennium(request.BienniumStartYear, violations);
        violations.ThrowIfAny();

        // A biennium nothing was allocated from is an empty pool, not a missing resource.
        var pool = await rbsaPools.FindAsync(RbsaPool.IdFor(request.BienniumStartYear), context.CancellationToken)
            ?? RbsaPool.Open(request.BienniumStartYear);
        return RbsaMapping.ToProto(pool, await RbsaContributed(request.BienniumStartYear, context.CancellationToken));
    }

    private static void CheckBiennium(int startYear, FieldViolations violations) =>
        violations.Check(!RbsaPool.IsBienniumStart(startYear), "biennium_start_year", "is required and must be an even year 1990-2100");

    private async Task<decimal> RbsaContributed(int startYear, CancellationToken cancellationToken) =>
        FundingReports.Total(await LoadTotals(startYear, startYear + 1, cancellationToken, FundingSource.Rbsa));
}
