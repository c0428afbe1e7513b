using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>One checked row of an import: the line it came from and the transaction it sets.</summary>
public sealed class ImportRow
{
    public int Line { get; init; }
    public string SourceLineId { get; init; } = "";
    public Guid ProjectId { get; init; }
    public TransactionType Type { get; init; }
    public DateOnly Date { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public decimal AmountUsd { get; init; }
    public string Description { get; init; } = "";

    public TransactionValues Values => new(Type, Date, Amount, Currency, AmountUsd, Description);
}

/// <summary>
/// A whole checked file, staged in one write before any transaction changes: the store saves one
/// aggregate per transaction, so a file cannot be applied in one transaction, but once staged it
/// is complete and every row is valid. Applying sets each row's transaction to the row's values
/// (idempotent: a row already applied is unchanged), so an apply cut short is finished by the
/// next import or the start-up resume, never left half-applied with nothing to finish it.
/// </summary>
public sealed class TransactionImport : Aggregate
{
    public const int MaxRows = 5_000;

    private TransactionImport() { }

    public DateTimeOffset StagedAt { get; private set; }
    public string StagedBy { get; private set; } = "";
    public List<ImportRow> Rows { get; private set; } = [];
    public bool Applied { get; private set; }
    public DateTimeOffset? AppliedAt { get; private set; }

    /// <summary>Staged imports sort by when they were staged; applied ones have "applied" so resumes find the rest by prefix.</summary>
    public string StateKey { get; private set; } = "";

    public static TransactionImport Stage(IReadOnlyList<ImportRow> rows, DateTimeOffset now, string stagedBy)
    {
        if (rows.Count is 0 or > MaxRows)
            throw new ArgumentOutOfRangeException(nameof(rows), $"An import holds 1-{MaxRows} rows.");
        var id = Guid.NewGuid();
        return new TransactionImport
        {
            Id = id, StagedAt = now, StagedBy = stagedBy, Rows = [.. rows],
            StateKey = $"staged|{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}|{id:N}",
        };
    }

    public void MarkApplied(DateTimeOffset now)
    {
        Applied = true;
        AppliedAt = now;
        StateKey = $"applied|{Id:N}";
    }
}
