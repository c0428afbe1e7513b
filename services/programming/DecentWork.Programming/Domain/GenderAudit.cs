using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

public enum GenderAuditFindingKind
{
    GoodPractice = 1,
    AreaForStrengthening = 2,
}

public sealed class GenderAuditFinding
{
    public GenderAuditFindingKind Kind { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>
/// A participatory gender audit held with the constituents of one country. Its own aggregate, not
/// part of a programme: it is held once in a country and may inform several programmes (the one
/// running and the next one drafted) or none yet, and adding a finding must not collide with, or
/// rewrite, the programmes it informs. Scoped by its country like a programme.
/// </summary>
public sealed class GenderAudit : Aggregate
{
    public const int MaxTitleLength = 300;
    public const int MaxFindingLength = 2000;
    public const int MaxFindings = 100;
    public const int MaxProgrammes = 20;

    private GenderAudit() { }

    public string CountryCode { get; private set; } = "";
    public IloRegion Region { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public List<Participation> Participants { get; private set; } = [];
    public List<GenderAuditFinding> Findings { get; private set; } = [];
    public List<Guid> ProgrammeIds { get; private set; } = [];
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>Country, day held, id: the list order, unique so both stores can page on it.</summary>
    public string SortKey { get; private set; } = "";

    /// <summary>The client's request id (AIP-155); empty when it gave none. The audit's id is derived from it (<see cref="IdOf"/>).</summary>
    public string RequestId { get; private set; } = "";

    /// <summary>The id of the audit recorded with this request id (not empty).</summary>
    public static Guid IdOf(string requestId) => RequestIds.IdOf("gender-audit", requestId);

    /// <summary>The programmes it informs are linked afterwards (<see cref="Inform"/>), each checked by the caller's service.</summary>
    public static GenderAudit Record(Country country, string title, DateOnly heldOn, IReadOnlyList<Participation> participants,
        IReadOnlyList<GenderAuditFinding> findings, Change change, string requestId = "")
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
            throw new DomainRuleException($"A gender audit needs a title of 1-{MaxTitleLength} characters.");
        DateRules.EnsureHappened(heldOn, change.At, "A gender audit");
        // Participatory: the constituents take part, so at least one group is counted.
        Programme.EnsureCountsValid(participants, "A participatory gender audit");
        if (findings.Count > MaxFindings) throw new DomainRuleException($"A gender audit holds at most {MaxFindings} findings.");
        var audit = new GenderAudit
        {
            Id = requestId.Length > 0 ? IdOf(requestId) : Guid.NewGuid(), RequestId = requestId, CountryCode = country.Code, Region = country.Region, Title = title.Trim(), HeldOn = heldOn,
            Participants = [.. participants], RecordedBy = change.By, RecordedAt = change.At,
        };
        audit.SortKey = $"{country.Code}|{heldOn:yyyy-MM-dd}|{audit.Id:N}";
        foreach (var finding in findings) audit.AddFinding(finding.Kind, finding.Text);
        return audit;
    }

    /// <summary>
    /// The answer to a request that reuses this audit's request id: this audit when the request has the
    /// same country, title (trimmed; case counts) and day held, whoever sends it and whatever was added
    /// since; otherwise the id is taken by other content.
    /// </summary>
    public GenderAudit AnswerRepeat(Country country, string title, DateOnly heldOn) =>
        CountryCode == country.Code && Title == title.Trim() && HeldOn == heldOn
            ? this
            : throw new AlreadyExistsException(
                $"Request id '{RequestId}' was already used to record gender audit '{Id}' with different content; "
                + "choose a new request id for a new audit, or repeat the first request exactly to get that audit.");

    public GenderAuditFinding AddFinding(GenderAuditFindingKind kind, string text)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("A finding is a good practice or an area for strengthening.");
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxFindingLength)
            throw new DomainRuleException($"A finding needs a text of 1-{MaxFindingLength} characters.");
        if (Findings.Count >= MaxFindings) throw new DomainRuleException($"A gender audit holds at most {MaxFindings} findings.");
        var finding = new GenderAuditFinding { Kind = kind, Text = text.Trim() };
        Findings.Add(finding);
        return finding;
    }

    /// <summary>
    /// An audit informs programmes of its own country: a Kyrgyz audit says nothing about another
    /// country's constituents. A discarded programme informs nothing. Linking twice is a no-op.
    /// </summary>
    public bool Inform(Programme programme)
    {
        if (programme.CountryCode != CountryCode)
            throw new DomainRuleException($"A gender audit in {CountryCode} informs programmes of {CountryCode}; programme {programme.Id} is of {programme.CountryCode}.");
        if (programme.Status == ProgrammeStatus.Discarded)
            throw new DomainRuleException($"Programme {programme.Id} was discarded; an audit cannot inform it.");
        if (ProgrammeIds.Contains(programme.Id)) return false;
        if (ProgrammeIds.Count >= MaxProgrammes) throw new DomainRuleException($"A gender audit informs at most {MaxProgrammes} programmes.");
        ProgrammeIds.Add(programme.Id);
        return true;
    }
}
