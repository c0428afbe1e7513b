using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// Corrections of recorded approvals: amend and cancel. Each saves the approval with its event
/// (FundingApprovalAmended / FundingApprovalCancelled) in one write, so the reports' buckets and the
/// outbox move together or not at all.
/// </summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.FundingApproval> AmendFundingApproval(Contract.AmendFundingApprovalRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        var amount = FundingApprovalInput.Usd(request.Amount, "amount", violations);
        var allocations = FundingApprovalInput.Allocations(request.Allocations, violations);
        var amountsValid = amount > 0 && allocations.All(a => a.AmountUsd > 0);
        violations.Check(amountsValid && allocations.Count > 0 && !FundingApprovalRules.AddUpTo(amount, allocations), "allocations",
            $"add up to {FundingApprovalRules.Sum(allocations)} USD; they must add up exactly to amount ({amount} USD)");
        CheckCorrection(request.Reason, request.ExpectedVersion, violations);
        violations.ThrowIfAny();

        return await CorrectApproval(id!.Value, request.ExpectedVersion, async (approval, partner) =>
        {
            var programmeId = approval.ProgrammeId == Guid.Empty ? (Guid?)null : approval.ProgrammeId;
            for (var i = 0; i < allocations.Count; i++)
                if (!FundingApprovalRules.AllocationsFitTheProgramme(programmeId, [allocations[i]]))
                    violations.Add($"allocations[{i}].programme_id", "must be empty or the approval's programme: an approval for one programme counts in full for it");
            violations.ThrowIfAny();
            // The new allocations meet the same target rules as a new approval's.
            await CheckTargets(new FundingTerms(programmeId, allocations), context.CancellationToken);
            approval.Amend(amount, allocations, request.Reason, partner, Caller.From(context).Display, clock.GetUtcNow());
        }, context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.FundingApproval> CancelFundingApproval(Contract.CancelFundingApprovalRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = ProtoConvert.ToId(request.Id);
        violations.Check(id is null, "id", "must be a UUID");
        CheckCorrection(request.Reason, request.ExpectedVersion, violations);
        violations.ThrowIfAny();

        return await CorrectApproval(id!.Value, request.ExpectedVersion, (approval, partner) =>
        {
            approval.Cancel(request.Reason, partner, Caller.From(context).Display, clock.GetUtcNow());
            return Task.CompletedTask;
        }, context.CancellationToken);
    }

    private static void CheckCorrection(string reason, long expectedVersion, FieldViolations violations)
    {
        violations.Check(reason.Trim().Length == 0, "reason", "is required");
        violations.Check(reason.Length > FundingApproval.MaxReasonLength, "reason", $"must be at most {FundingApproval.MaxReasonLength} characters");
        violations.Check(expectedVersion < 0, "expected_version", "must not be negative");
    }

    /// <summary>
    /// Load (NOT_FOUND), check the caller's version (ABORTED), correct, save with the event, through
    /// the one change helper: without an expected version a lost race is retried on a fresh read,
    /// since the caller asked for the correction whatever the approval's version.
    /// </summary>
    private async Task<Contract.FundingApproval> CorrectApproval(Guid id, long expectedVersion, Func<FundingApproval, Partner, Task> correct,
        CancellationToken cancellationToken)
    {
        var corrected = await approvals.ChangeAsync(
            async token => await approvals.FindAsync(id, token) ?? throw new NotFoundException("Funding approval", id),
            expectedVersion,
            async approval =>
            {
                var partner = await partners.FindAsync(approval.PartnerId, cancellationToken)
                    ?? throw new DomainRuleException($"Partner '{approval.PartnerId}' of funding approval '{id}' is not registered.");
                var ceilingBefore = approval.AmountUsd;
                await correct(approval, partner);
                // A lowering correction holds the approval's budget book first (refused there when projects
                // budget more than it leaves), so a concurrent budget line cannot over-commit it.
                await HoldBudgetBookFor(approval, ceilingBefore, cancellationToken);
                return true;
            },
            cancellationToken);
        return ToProto(corrected);
    }

    /// <summary>
    /// Holds the approval's budget book at the ceiling the correction leaves (see ApprovalBudget.HeldForRevision).
    /// A raise needs no hold: a budget line checked against the lower amount read before is only stricter.
    /// Two first holds may race to open the book (a duplicate key): that is a lost race too.
    /// </summary>
    private Task HoldBudgetBookFor(FundingApproval corrected, decimal ceilingBefore, CancellationToken cancellationToken)
    {
        if (!corrected.IsCancelled() && corrected.AmountUsd >= ceilingBefore) return Task.CompletedTask;
        return BudgetBookRetry.RunAsync<ApprovalBudget, bool>(async token =>
        {
            var book = await finance.Budgets.FindAsync(corrected.Id, token) ?? ApprovalBudget.Open(corrected);
            book.HoldFor(corrected);
            await finance.Budgets.SaveAsync(book, cancellationToken: token);
            return true;
        }, cancellationToken);
    }
}
