using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>The kinds of money movement reported per project; the numbers are IATI TransactionType codes.</summary>
public enum TransactionType
{
    Commitment = 2,
    Disbursement = 3,
    Expenditure = 4,
}

/// <summary>What a transaction says, as the API or one CSV row gives it; checked by <see cref="FinancialTransaction"/>.</summary>
public sealed record TransactionValues(TransactionType Type, DateOnly Date, decimal Amount, string Currency, decimal AmountUsd, string Description);

/// <summary>A transaction's values before one change, kept so a re-import loses nothing.</summary>
public sealed class TransactionRevision
{
    public Guid ProjectId { get; init; }
    public TransactionType Type { get; init; }
    public DateOnly Date { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public decimal AmountUsd { get; init; }
    public string Description { get; init; } = "";
    public DateTimeOffset ReplacedAt { get; init; }
    public string ReplacedBy { get; init; } = "";
}

/// <summary>
/// One commitment, disbursement or expenditure of a project, identified by the finance system's
/// source line id: its id is derived from that line id, so importing the same line again finds
/// it, changes nothing when nothing differs, and records a change (old values kept) when it does.
/// </summary>
public sealed class FinancialTransaction : Aggregate
{
    public const int MaxSourceLineIdLength = 100;
    public const int MaxDescriptionLength = 500;

    private FinancialTransaction() { }

    public string SourceLineId { get; private set; } = "";
    public Guid ProjectId { get; private set; }
    public string ProjectCode { get; private set; } = "";
    public TransactionType Type { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public decimal AmountUsd { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>Where it counts in the reports, from its project when recorded (see <see cref="FinanceAttribution"/>).</summary>
    public string CountryCode { get; private set; } = "";
    public IloRegion? Region { get; private set; }
    public Guid PartnerId { get; private set; }

    /// <summary>The source of its project's budget when recorded, 0 when none or several.</summary>
    public FundingSource Source { get; private set; }

    public List<TransactionRevision> Revisions { get; private set; } = [];

    /// <summary>
    /// The revision (<see cref="Revisions"/> count + 1) last published as ProjectFinanceChanged; null on a
    /// transaction saved before the event existed, which the start-up backfill announces once
    /// (Storage/FinanceAnnouncementBackfill). Indexed, so a store with nothing left to announce is found so by one seek.
    /// </summary>
    public int? AnnouncedRevision { get; private set; }

    /// <summary>Project, then date descending (inverted), then id: the list's order and page key.</summary>
    public string SortKey { get; private set; } = "";

    /// <summary>The id a source line always gets: a name-based UUID of the line id.</summary>
    public static Guid IdOf(string sourceLineId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("financial-transaction:" + sourceLineId)).AsSpan(0, 16));

    public static FinancialTransaction Record(string sourceLineId, Project project, TransactionValues values, FundingSource source, DateOnly today)
    {
        var transaction = new FinancialTransaction { Id = IdOf(sourceLineId), SourceLineId = sourceLineId };
        transaction.Apply(project, values, source, today);
        transaction.Announce();
        return transaction;
    }

    /// <summary>Whether these values (for this project) are the ones already recorded.</summary>
    public bool Same(Guid projectId, TransactionValues values) =>
        projectId == ProjectId && values == new TransactionValues(Type, Date, Amount, Currency, AmountUsd, Description);

    /// <summary>Replaces the values, keeping the old ones; false when nothing differs.</summary>
    public bool Revise(Project project, TransactionValues values, FundingSource source, DateOnly today, DateTimeOffset now, string changedBy)
    {
        if (Same(project.Id, values)) return false;
        var previous = new TransactionRevision
        {
            ProjectId = ProjectId, Type = Type, Date = Date, Amount = Amount, Currency = Currency, AmountUsd = AmountUsd,
            Description = Description, ReplacedAt = now, ReplacedBy = changedBy,
        };
        Apply(project, values, source, today);
        Revisions.Add(previous);
        Announce();
        return true;
    }

    /// <summary>
    /// Announces a transaction saved before ProjectFinanceChanged existed, once, as it stands now. A
    /// commitment or disbursement only gets the mark: it puts no money in the comparison, and coordination
    /// holds nothing of it (every later change is announced by <see cref="Revise"/>). False when announced already.
    /// </summary>
    public bool BackfillAnnouncement()
    {
        if (AnnouncedRevision is not null) return false;
        if (Type == TransactionType.Expenditure) Announce();
        else AnnouncedRevision = Revisions.Count + 1;
        return true;
    }

    /// <summary>The rules every transaction meets, whichever way it arrives.</summary>
    public static void Check(Project project, TransactionValues values, DateOnly today)
    {
        if (Refusal(project, values, today) is { } refusal)
            throw new DomainRuleException(refusal.Message, refusal.Field == "transaction_date" ? "TRANSACTION_DATE_REFUSED" : DomainRuleException.RuleViolated);
    }

    /// <summary>The first rule the values break, with the field it is about; null when none (an import names it per row).</summary>
    public static (string Field, string Message)? Refusal(Project project, TransactionValues values, DateOnly today)
    {
        if (values.Amount <= 0) return ("amount", "must be positive");
        if (values.AmountUsd <= 0) return ("amount_usd", "must be positive");
        if (values.Currency == FundingApproval.Usd && values.AmountUsd != values.Amount)
            return ("amount_usd", "must equal amount when the currency is USD");
        if (values.Date > today) return ("transaction_date", $"{values.Date:yyyy-MM-dd} is in the future");
        if (values.Date < project.StartDate || values.Date > project.EndDate)
            return ("transaction_date",
                $"{values.Date:yyyy-MM-dd} is outside project {project.Code}'s period ({project.StartDate:yyyy-MM-dd} to {project.EndDate:yyyy-MM-dd})");
        return null;
    }

    /// <summary>
    /// Publishes where this transaction's expenditure counts now (nothing for a commitment or a
    /// disbursement), so coordination's region comparison follows a re-imported, corrected line.
    /// </summary>
    private void Announce()
    {
        Raise(new ProjectFinanceChanged(Id, Revisions.Count + 1, Type == TransactionType.Expenditure
            ? [new ProjectFinanceShare(Date.Year, CountryCode, (int)(Region ?? 0), 0m, AmountUsd)]
            : []));
        AnnouncedRevision = Revisions.Count + 1;
    }

    private void Apply(Project project, TransactionValues values, FundingSource source, DateOnly today)
    {
        Check(project, values, today);
        var attribution = FinanceAttribution.Of(project);
        (ProjectId, ProjectCode, Type, Date, Amount, Currency, AmountUsd, Description) =
            (project.Id, project.Code, values.Type, values.Date, values.Amount, values.Currency, values.AmountUsd, values.Description);
        (CountryCode, Region, PartnerId, Source) = (attribution.CountryCode, attribution.Region, attribution.PartnerId, source);
        // Days before 10000-01-01 written as a fixed-width descending number: newest first in an ascending key.
        var descendingDay = (DateOnly.MaxValue.DayNumber - Date.DayNumber).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        SortKey = $"{ProjectId:N}|{descendingDay}|{Id:N}";
    }
}
