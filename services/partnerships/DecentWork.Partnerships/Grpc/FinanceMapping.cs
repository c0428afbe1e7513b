using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Grpc;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>Project money to proto.</summary>
internal static class FinanceMapping
{
    public static Contract.ProjectBudget ToProto(Project project, IReadOnlyList<ProjectBudgetLine> lines)
    {
        var budgeted = lines.Sum(l => l.AmountUsd);
        var budget = new Contract.ProjectBudget
        {
            ProjectId = project.Id.ToString(),
            ProjectCode = project.Code,
            Funding = ProtoConvert.ToMoney(project.BudgetUsd),
            Budgeted = ProtoConvert.ToMoney(budgeted),
            Unbudgeted = ProtoConvert.ToMoney(project.BudgetUsd - budgeted),
        };
        budget.Lines.AddRange(lines.Select(l => new Contract.ProjectBudgetLine
        {
            Year = l.Year, FundingApprovalId = l.ApprovalId.ToString(), Amount = ProtoConvert.ToMoney(l.AmountUsd),
        }));
        return budget;
    }

    public static Contract.FinancialTransaction ToProto(FinancialTransaction t) => new()
    {
        Id = t.Id.ToString(),
        SourceLineId = t.SourceLineId,
        ProjectId = t.ProjectId.ToString(),
        ProjectCode = t.ProjectCode,
        Type = (Contract.FinancialTransactionType)t.Type,
        TransactionDate = ProtoConvert.ToDate(t.Date),
        Amount = ProtoConvert.ToMoney(t.Amount, t.Currency),
        AmountUsd = ProtoConvert.ToMoney(t.AmountUsd),
        Description = t.Description,
        RevisionCount = t.Revisions.Count,
        Version = t.Version,
    };
}
