using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>A Decent Work Country Programme: one country, one period, a lifecycle, and the money mobilised for it.</summary>
public sealed class Programme : Aggregate
{
    public const int MaxTitleLength = 300;

    private Programme() { }

    public string CountryCode { get; private set; } = "";
    public IloRegion Region { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public ProgrammeStatus Status { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public decimal FundingMobilisedUsd { get; private set; }

    /// <summary>The approvals already counted, so one approval never counts twice.</summary>
    public List<Guid> FundingApprovalIds { get; private set; } = [];

    /// <summary>Country, period start, id: the list order, stored so both stores can page on one key.</summary>
    public string SortKey { get; private set; } = "";

    public static Programme Register(Country country, string title, DateOnly periodStart, DateOnly periodEnd, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
            throw new DomainRuleException($"A programme needs a title of 1-{MaxTitleLength} characters.");
        if (periodEnd < periodStart)
            throw new DomainRuleException($"The period ends ({periodEnd:yyyy-MM-dd}) before it starts ({periodStart:yyyy-MM-dd}).");

        var programme = new Programme
        {
            Id = Guid.NewGuid(),
            CountryCode = country.Code,
            Region = country.Region,
            Title = title.Trim(),
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            Status = ProgrammeStatus.Draft,
            RegisteredAt = now,
        };
        programme.SortKey = $"{country.Code}|{periodStart:yyyy-MM-dd}|{programme.Id:N}";
        programme.Raise(new ProgrammeRegistered(
            programme.Id, programme.CountryCode, programme.Region.ToString(), programme.Title, periodStart, periodEnd, now));
        return programme;
    }

    /// <summary>Counts a partner's funding approval towards this programme; false when it was counted before.</summary>
    public bool RecordFunding(Guid approvalId, decimal amountUsd)
    {
        if (amountUsd <= 0) throw new DomainRuleException("A funding approval must be for a positive amount.");
        if (FundingApprovalIds.Contains(approvalId)) return false;
        FundingApprovalIds.Add(approvalId);
        FundingMobilisedUsd += amountUsd;
        return true;
    }
}
