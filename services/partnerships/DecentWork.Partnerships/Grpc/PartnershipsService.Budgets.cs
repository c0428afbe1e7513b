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
    /// <summary>
    /// A budget book opens with its first line or hold: two first writes meet on the book's key (its
    /// only unique one), a lost race like a stale version.
    /// </summary>
    private static readonly ConflictRetry BudgetBookRetry = ConflictRetry.Request with { DuplicateKeyIsConflict = true };

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

        var lines = await BudgetBookRetry.RunAsync<ApprovalBudget, List<ProjectBudgetLine>>(
            token => SetBudgetLineOnce(approval, project, request.Year, amount, token), cancellationToken);
        return FinanceMapping.ToProto(project, lines);
    }

    /// <summary>
    /// One attempt at a budget line: the approval's book (its rule holds by this one save, since a
    /// concurrent write on the book fails the version check), then the project's total across every
    /// approval's book, which no single save guards: when another approval's book took the project
    /// past its budget at the same time, this line is undone (the other writer's is too, or it has
    /// already lost) and the attempt lost a race, so it is tried again on what the winner left.
    /// </summary>
    private async Task<List<ProjectBudgetLine>> SetBudgetLineOnce(FundingApproval approval, Project project, int year, decimal amountUsd,
        CancellationToken cancellationToken)
    {
        var book = await finance.Budgets.FindAsync(approval.Id, cancellationToken) ?? ApprovalBudget.Open(approval);
        var previous = book.LineOf(project.Id, year);
        book.SetLine(approval, project, year, amountUsd, (await BudgetLinesOf(project.Id, cancellationToken)).Sum(l => l.AmountUsd));
        await finance.Budgets.SaveAsync(book, cancellationToken: cancellationToken);
        // Saved: from here the check and any undo must run to the end, or the project could stay over-committed.
        var lines = await BudgetLinesOf(project.Id, CancellationToken.None);
        if (lines.Sum(l => l.AmountUsd) <= project.BudgetUsd) return lines;
        await RestoreBudgetLine(approval, project, year, previous);
        throw new ConcurrencyConflictException("projects", project.Id);
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

    /// <summary>Puts the line back as it was, on a fresh read of the book when another write moved it meanwhile.</summary>
    private Task<ApprovalBudget> RestoreBudgetLine(FundingApproval approval, Project project, int year, decimal amountUsd) =>
        finance.Budgets.ChangeAsync(async token => await finance.Budgets.FindAsync(approval.Id, token) ?? ApprovalBudget.Open(approval), 0, book =>
        {
            book.RestoreLine(project, year, amountUsd);
            return Task.FromResult(true);
        }, CancellationToken.None);

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
