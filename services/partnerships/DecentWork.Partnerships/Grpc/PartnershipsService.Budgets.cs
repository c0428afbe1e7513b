using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Project budget lines, funded by named approvals and kept in each approval's budget book.</summary>
public sealed partial class PartnershipsService
{
    private const int BudgetAttempts = 5;

    [Authorize(Policy = AccessPolicies.PartnershipsWrite)]
    public override async Task<Contract.ProjectBudget> SetProjectBudgetLine(Contract.SetProjectBudgetLineRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var projectId = ProtoConvert.ToId(request.ProjectId);
        violations.Check(projectId is null, "project_id", "must be a UUID");
        var approvalId = ProtoConvert.ToId(request.FundingApprovalId);
        violations.Check(approvalId is null, "funding_approval_id", "must be a UUID");
        violations.Check(!FundingApproval.IsValidYear(request.Year), "year", $"is required and must be {FundingApproval.FirstYear}-{FundingApproval.LastYear}");
        var amount = BudgetAmount(request.Amount, violations);
        violations.ThrowIfAny();

        var cancellationToken = context.CancellationToken;
        var project = await VisibleProjectAsync(projectId!.Value, context);
        var scope = await ReadScopeAsync(context);
        var approval = scope.Visible(await approvals.FindAsync(approvalId!.Value, cancellationToken), scope.Approvals)
            ?? throw new NotFoundException("Funding approval", approvalId);

        for (var attempt = 1; ; attempt++)
        {
            var book = await finance.Budgets.FindAsync(approval.Id, cancellationToken) ?? ApprovalBudget.Open(approval);
            var previous = book.LineOf(project.Id, request.Year);
            book.SetLine(approval, project, request.Year, amount, (await BudgetLinesOf(project.Id, cancellationToken)).Sum(l => l.AmountUsd));
            try
            {
                // The approval's rule holds by this one save: a concurrent write on its book fails the version check.
                await finance.Budgets.SaveAsync(book, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateKeyException && attempt < BudgetAttempts)
            {
                continue;
            }
            var lines = await BudgetLinesOf(project.Id, cancellationToken);
            if (lines.Sum(l => l.AmountUsd) > project.BudgetUsd)
            {
                // Another approval's book took the same project past its funding at the same time:
                // undo this write (the other one does too, or has already lost), and let the caller retry.
                await RestoreBudgetLine(approval, project, request.Year, previous, cancellationToken);
                throw new ConcurrencyConflictException("projects", project.Id);
            }
            return FinanceMapping.ToProto(project, lines);
        }
    }

    [Authorize(Policy = AccessPolicies.PartnershipsRead)]
    public override async Task<Contract.ProjectBudget> GetProjectBudget(Contract.GetProjectBudgetRequest request, ServerCallContext context)
    {
        var id = FieldViolations.RequireId(request.ProjectId, "project_id");
        var project = await VisibleProjectAsync(id, context);
        return FinanceMapping.ToProto(project, await BudgetLinesOf(project.Id, context.CancellationToken));
    }

    /// <summary>The project, when the caller may see it; NOT_FOUND exactly as for an unknown id otherwise.</summary>
    private async Task<Project> VisibleProjectAsync(Guid id, ServerCallContext context)
    {
        var scope = await ReadScopeAsync(context);
        return scope.Visible(await projects.FindAsync(id, context.CancellationToken), scope.Projects) ?? throw new NotFoundException("Project", id);
    }

    private async Task<List<ProjectBudgetLine>> BudgetLinesOf(Guid projectId, CancellationToken cancellationToken) =>
        ProjectBudgetTotals.Parse(await projections.ReadAsync(ProjectBudgetTotals.ProjectionName, ProjectBudgetTotals.LinesOf(projectId), cancellationToken));

    private async Task RestoreBudgetLine(FundingApproval approval, Project project, int year, decimal amountUsd, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var book = await finance.Budgets.FindAsync(approval.Id, cancellationToken) ?? ApprovalBudget.Open(approval);
            book.RestoreLine(project, year, amountUsd);
            try
            {
                await finance.Budgets.SaveAsync(book, cancellationToken: CancellationToken.None);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < BudgetAttempts * 2)
            {
            }
        }
    }

    /// <summary>A budget amount: US dollars, zero (remove the line) or more.</summary>
    private static decimal BudgetAmount(Google.Type.Money? money, FieldViolations violations)
    {
        if (!violations.Check(money is null, "amount", "is required (0 removes the line)")) return 0;
        if (!violations.Check(!ProtoConvert.IsWellFormed(money!), "amount", "is not a well-formed google.type.Money")) return 0;
        violations.Check(money!.CurrencyCode != FundingApproval.Usd, "amount.currency_code", $"must be \"{FundingApproval.Usd}\"");
        var amount = ProtoConvert.ToDecimal(money);
        violations.Check(amount < 0, "amount", "must not be negative");
        return amount;
    }

    /// <summary>The source funding the project's budget, when exactly one does; 0 otherwise (see ReportDeliveryRequest.source).</summary>
    private async Task<FundingSource> BudgetSourceOf(Guid projectId, CancellationToken cancellationToken) =>
        (await BudgetLinesOf(projectId, cancellationToken)).Select(l => l.Source).Distinct().ToList() is [var only] ? only : 0;
}
