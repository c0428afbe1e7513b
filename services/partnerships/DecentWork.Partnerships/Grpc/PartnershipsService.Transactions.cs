using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Commitments, disbursements and expenditure of projects, one at a time (the CSV import is in its own file).</summary>
public sealed partial class PartnershipsService
{
    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.FinancialTransaction> RecordFinancialTransaction(Contract.RecordFinancialTransactionRequest request,
        ServerCallContext context)
    {
        var violations = new FieldViolations();
        var projectId = ProtoConvert.ToId(request.ProjectId);
        violations.Check(projectId is null, "project_id", "must be a UUID");
        var values = TransactionInput.FromRequest(request, violations);
        violations.ThrowIfAny();

        var cancellationToken = context.CancellationToken;
        var project = await VisibleProjectAsync(projectId!.Value, context);
        FinancialTransaction.Check(project, values!, Today());
        var sourceLineId = request.SourceLineId.Trim() is { Length: > 0 } given ? given : $"api:{Guid.NewGuid():N}";
        var (transaction, _) = await SetTransaction(sourceLineId, project, values!, Caller.From(context).Display, cancellationToken);
        return FinanceMapping.ToProto(transaction);
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.ListFinancialTransactionsResponse> ListFinancialTransactions(Contract.ListFinancialTransactionsRequest request,
        ServerCallContext context)
    {
        var violations = new FieldViolations();
        var projectId = ProtoConvert.ToId(request.ProjectId);
        violations.Check(projectId is null, "project_id", "must be a UUID");
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.ThrowIfAny();

        var project = await VisibleProjectAsync(projectId!.Value, context);
        var (found, total, next) = await finance.Transactions.PageAsync(t => t.ProjectId == project.Id,
            new SortOrder<FinancialTransaction>(t => t.SortKey), page, context.CancellationToken);
        var response = new Contract.ListFinancialTransactionsResponse { NextPageToken = next, TotalSize = total };
        response.Transactions.AddRange(found.Select(FinanceMapping.ToProto));
        return response;
    }

    /// <summary>
    /// Sets the source line's transaction to these values: records it when new, records a change
    /// when the values differ, does nothing when they are the same. A lost race on the line (its id
    /// comes from the source line, so two first records meet on the key) is retried on a fresh read.
    /// </summary>
    private async Task<(FinancialTransaction Transaction, Contract.ImportOutcome Outcome)> SetTransaction(string sourceLineId, Project project,
        TransactionValues values, string changedBy, CancellationToken cancellationToken)
    {
        var source = await BudgetSourceOf(project.Id, cancellationToken);
        var outcome = Contract.ImportOutcome.Unchanged;
        var transaction = await finance.Transactions.ChangeAsync(
            async token => await finance.Transactions.FindAsync(FinancialTransaction.IdOf(sourceLineId), token)
                ?? FinancialTransaction.Record(sourceLineId, project, values, source, Today()),
            0,
            found =>
            {
                // A new record is version 0; the outcome is the last attempt's, the one that was saved.
                outcome = found.Version == 0 ? Contract.ImportOutcome.New
                    : found.Revise(project, values, source, Today(), clock.GetUtcNow(), changedBy) ? Contract.ImportOutcome.Changed
                    : Contract.ImportOutcome.Unchanged;
                return Task.FromResult(outcome != Contract.ImportOutcome.Unchanged);
            },
            cancellationToken, ConflictRetry.Request with { DuplicateKeyIsConflict = true });
        return (transaction, outcome);
    }
}
