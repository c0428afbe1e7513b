using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.History;

namespace DecentWork.Programming.Domain;

/// <summary>
/// A Decent Work Country Programme: one country, one period, its priorities and outcomes, the
/// consultations and reviews that lead to approval, the money mobilised for it, and its history.
/// The rules are split by theme over the partial files Programme.*.cs.
/// </summary>
public sealed partial class Programme : Aggregate
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

    /// <summary>
    /// Money mobilised as counted inside the programme before approvals moved to their own records
    /// (<see cref="FundingContribution"/>), kept so that <see cref="FundingCountedInProgramme"/> still
    /// counts it and a replay of one of those approvals is recognised. Nothing adds to it any more.
    /// </summary>
    public decimal FundingMobilisedUsd { get; private set; }

    /// <summary>The approvals counted inside the programme before they moved out; see <see cref="FundingMobilisedUsd"/>.</summary>
    public List<Guid> FundingApprovalIds { get; private set; } = [];

    /// <summary>Country, period start, id: the list order, stored so both stores can page on one key.</summary>
    public string SortKey { get; private set; } = "";

    /// <summary>
    /// Every change, oldest first. Kept inside the aggregate so an entry is written in the same
    /// save as the change it describes; a programme sees hundreds of changes, not millions.
    /// </summary>
    // The store's field-level history records every save already; this summary stays out of those records.
    [NotInHistory]
    public List<HistoryEntry> History { get; private set; } = [];

    /// <summary>The subject who registered (drafted) the programme; empty on programmes registered before tokens.</summary>
    public string DraftedBy { get; private set; } = "";

    public static Programme Register(Country country, string title, DateOnly periodStart, DateOnly periodEnd, Change registration,
        IEnumerable<Programme>? sameCountry = null, string requestId = "")
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
            throw new DomainRuleException($"A programme needs a title of 1-{MaxTitleLength} characters.");
        if (requestId.Length > 0 && !IsValidRequestId(requestId))
            throw new DomainRuleException($"A request id is {RequestIdRule}.");
        if (periodEnd < periodStart)
            throw new DomainRuleException($"The period ends ({periodEnd:yyyy-MM-dd}) before it starts ({periodStart:yyyy-MM-dd}).");
        EnsureNoOverlapWithBindingProgramme(country.Code, periodStart, periodEnd, Guid.Empty, sameCountry ?? []);

        var programme = new Programme
        {
            Id = Guid.NewGuid(),
            CountryCode = country.Code,
            Region = country.Region,
            Title = title.Trim(),
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            Status = ProgrammeStatus.Draft,
            RegisteredAt = registration.At,
            RequestId = requestId,
            DraftedBy = registration.BySubject,
        };
        programme.RequestKey = RequestKeyFor(requestId, programme.Id);
        programme.SortKey = $"{country.Code}|{periodStart:yyyy-MM-dd}|{programme.Id:N}";
        programme.ApprovalSlot = UnapprovedSlot(country.Code, programme.Id);
        programme.Raise(new ProgrammeRegistered(
            programme.Id, programme.CountryCode, programme.Region.ToString(), programme.Title, periodStart, periodEnd, registration.At,
            registration.By));
        programme.Record(registration, "Registered", $"{country.Code} {periodStart:yyyy-MM-dd} to {periodEnd:yyyy-MM-dd}: {programme.Title}");
        return programme;
    }

    /// <summary>Not yet approved: in draft, in consultation or under quality assurance.</summary>
    public bool IsInPreparation() => Status is ProgrammeStatus.Draft or ProgrammeStatus.InConsultation or ProgrammeStatus.UnderQualityAssurance;

    private void Record(Change change, string action, string detail) => History.Add(new HistoryEntry
    {
        Version = Version + 1, // the version the pending save will produce
        Action = action,
        Detail = detail,
        ChangedBy = change.By,
        ChangedAt = change.At,
        ChangedBySubject = change.BySubject,
        ChangedByName = change.ByName,
    });
}
