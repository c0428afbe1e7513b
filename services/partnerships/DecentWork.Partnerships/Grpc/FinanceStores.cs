using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Grpc;

/// <summary>The stores of project money (budget books, transactions, staged imports), one constructor parameter for all three.</summary>
public sealed record FinanceStores(
    IAggregateStore<ApprovalBudget> Budgets, IAggregateStore<FinancialTransaction> Transactions, IAggregateStore<TransactionImport> Imports);
