using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>
/// The transactions' report cells (see <see cref="FinanceKeys"/>), one figure per transaction
/// type, kept by the store in the same transaction as every transaction saved: a changed line
/// moves its money from its old cell to its new one in the same write.
/// </summary>
public sealed class TransactionTotals : Projection<FinancialTransaction>
{
    public const string ProjectionName = "project-transaction-totals";

    public override string Name => ProjectionName;

    // 2: the country, region and partner cells beside the per-project ones.
    public override int Version => 2;

    public static string Figure(TransactionType type) => type switch
    {
        TransactionType.Commitment => "commitment",
        TransactionType.Disbursement => "disbursement",
        _ => "expenditure",
    };

    public override void Contribute(FinancialTransaction transaction, Contributions contributions) =>
        FinanceKeys.Add(contributions, Figure(transaction.Type), transaction.AmountUsd, transaction.Date.Year, transaction.Source, transaction.Region,
            transaction.CountryCode, transaction.PartnerId, transaction.ProjectId);
}
