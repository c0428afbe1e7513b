using DecentWork.ServiceDefaults;

namespace DecentWork.Partnerships.Domain;

/// <summary>Who took part: the tripartite constituents, and other stakeholders of a project's consultations.</summary>
public enum StakeholderGroup
{
    Government = 1,
    Employers = 2,
    Workers = 3,
    Other = 4,
}

public enum ProjectMeetingKind
{
    /// <summary>A meeting of the project's tripartite committee.</summary>
    TripartiteCommittee = 1,
    /// <summary>A consultation of the project's stakeholders.</summary>
    StakeholderConsultation = 2,
}

/// <summary>How many women and men of one group took part. Settable, for the store's mappers.</summary>
public sealed class StakeholderParticipation
{
    public StakeholderGroup Group { get; set; }
    public int Women { get; set; }
    public int Men { get; set; }
}

/// <summary>One meeting of the project's committee or one stakeholder consultation.</summary>
public sealed class ProjectMeeting
{
    public Guid Id { get; set; }
    public ProjectMeetingKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = "";
    public List<StakeholderParticipation> Participants { get; set; } = [];
    public string DocumentUri { get; set; } = "";
    public string RecordedBy { get; set; } = "";
}

/// <summary>The project's tripartite (steering) committee: its name, when it was set up, its members by group.</summary>
public sealed class ProjectCommittee
{
    public string Name { get; set; } = "";
    public DateOnly EstablishedOn { get; set; }
    public List<StakeholderParticipation> Members { get; set; } = [];
}

/// <summary>
/// Project-level tripartite committees and stakeholder consultations, as DWCPs have them in
/// programming: dated within the project's period and not in the future, never on a withdrawn
/// project. Every change is in the store's field-level history (who, when, old → new).
/// </summary>
public sealed partial class Project
{
    /// <summary>Bounds the document: a project meets its committee a few times a year.</summary>
    public const int MaxMeetings = 200;

    public List<ProjectMeeting> Meetings { get; private set; } = [];

    /// <summary>Null until one is set.</summary>
    public ProjectCommittee? Committee { get; private set; }

    public ProjectMeeting RecordMeeting(ProjectMeetingKind kind, DateOnly heldOn, string place, IReadOnlyList<StakeholderParticipation> participants,
        string documentUri, DateOnly today, string recordedBy)
    {
        CheckDated(heldOn, today, "held");
        if (Meetings.Count >= MaxMeetings)
            throw new DomainRuleException($"Project {Code} already has {MaxMeetings} meetings recorded, the most one project keeps.");
        var meeting = new ProjectMeeting
        {
            Id = Guid.NewGuid(), Kind = kind, HeldOn = heldOn, Place = place.Trim(), Participants = [.. participants],
            DocumentUri = documentUri, RecordedBy = recordedBy,
        };
        Meetings.Add(meeting);
        return meeting;
    }

    /// <summary>Sets (or replaces) the committee; false when it is the same as the one held.</summary>
    public bool SetCommittee(string name, DateOnly establishedOn, IReadOnlyList<StakeholderParticipation> members, DateOnly today)
    {
        CheckDated(establishedOn, today, "set up");
        if (Committee is { } held && held.Name == name.Trim() && held.EstablishedOn == establishedOn
            && held.Members.Select(m => (m.Group, m.Women, m.Men)).SequenceEqual(members.Select(m => (m.Group, m.Women, m.Men))))
            return false;
        Committee = new ProjectCommittee { Name = name.Trim(), EstablishedOn = establishedOn, Members = [.. members] };
        return true;
    }

    private void CheckDated(DateOnly on, DateOnly today, string what)
    {
        if (Status == ProjectStatus.Withdrawn)
            throw new DomainRuleException($"Project {Code} is withdrawn; nothing more is recorded on it.");
        if (on > today)
            throw new DomainRuleException($"A meeting or committee cannot be {what} in the future ({on:yyyy-MM-dd}).", "DATE_IN_THE_FUTURE");
        if (on < StartDate || on > EndDate)
            throw new DomainRuleException($"Project {Code} runs {StartDate:yyyy-MM-dd} to {EndDate:yyyy-MM-dd}; {on:yyyy-MM-dd} is outside it.",
                "DATE_OUTSIDE_PROJECT");
    }
}
