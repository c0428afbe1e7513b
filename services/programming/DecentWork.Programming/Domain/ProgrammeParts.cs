using DecentWork.ServiceDefaults.Classification;

namespace DecentWork.Programming.Domain;

// The parts a programme holds. Plain settable classes so both stores can map them; the rules
// that guard them live in Programme.

public sealed class Priority
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
}

/// <summary>A country programme outcome. Withdrawn outcomes stay, so history and funding still add up.</summary>
public sealed class Outcome
{
    public Guid Id { get; set; }
    public Guid PriorityId { get; set; }
    public string Code { get; set; } = "";
    public string Statement { get; set; } = "";
    public StrategicObjective StrategicObjective { get; set; }
    public decimal ResourceNeedUsd { get; set; }
    /// <summary>As counted inside the programme before approvals moved out (see Programme.FundingMobilisedUsd); no longer added to.</summary>
    public decimal FundingMobilisedUsd { get; set; }
    public bool Withdrawn { get; set; }
    /// <summary>Policy markers, SDG goals and targets, sectors (ClassifyOutcome); empty on outcomes stored before they were kept.</summary>
    public WorkClassification Classification { get; set; } = new();
}

public sealed class Participation
{
    public ConstituentGroup Group { get; set; }
    public int Women { get; set; }
    public int Men { get; set; }
}

public sealed class Consultation
{
    public Guid Id { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Place { get; set; } = "";
    public List<Participation> Participants { get; set; } = [];
    public List<Guid> AgreedPriorityIds { get; set; } = [];
    public string DocumentUri { get; set; } = "";
}

public sealed class ChecklistResult
{
    public QualityCriterion Criterion { get; set; }
    public bool Passed { get; set; }
    public string Comment { get; set; } = "";
}

public sealed class QualityAssuranceReview
{
    public Guid Id { get; set; }
    public ReviewingUnit ReviewingUnit { get; set; }
    public List<ChecklistResult> Checklist { get; set; } = [];
    public ReviewDecision Decision { get; set; }
    public int ContentRevision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A constituent's signature, given by the signer (their token) through SignProgramme.</summary>
public sealed class Signatory
{
    public ConstituentGroup Group { get; set; }
    /// <summary>The signer's name and function, e.g. "Amina Juma, Minister of Labour".</summary>
    public string Name { get; set; } = "";
    public DateOnly SignedOn { get; set; }
    /// <summary>The signer's subject; empty on signatures recorded before signers had tokens.</summary>
    public string SignedBy { get; set; } = "";
}

public sealed class Evaluation
{
    public EvaluationKind Kind { get; set; }
    public DateOnly EvaluatedOn { get; set; }
    public string Summary { get; set; } = "";
}

/// <summary>One change to a programme: the version it produced, what, who and when.</summary>
public sealed class HistoryEntry
{
    public long Version { get; set; }
    public string Action { get; set; } = "";
    public string Detail { get; set; } = "";
    /// <summary>"Name (subject)", as <see cref="Change.By"/>.</summary>
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    /// <summary>Empty on entries written before callers had tokens.</summary>
    public string ChangedBySubject { get; set; } = "";
    public string ChangedByName { get; set; } = "";
}

/// <summary>
/// Who asks for a change and when; every change method takes one so history is never skipped.
/// <paramref name="BySubject"/> and <paramref name="ByName"/> come from the caller's token; the
/// service's own actors ("system:training") are their own subject and name.
/// </summary>
public sealed record Change(string BySubject, string ByName, DateTimeOffset At)
{
    public Change(string bySystem, DateTimeOffset at) : this(bySystem, bySystem, at) { }

    /// <summary>"Name (subject)", or the subject alone when the name is the subject: history's and events' author.</summary>
    public string By => ByName == BySubject ? BySubject : $"{ByName} ({BySubject})";
}

/// <summary>Training's running totals for a programme; the revision orders them.</summary>
public sealed class TrainingCount
{
    public long Revision { get; set; }
    public int ParticipantsTrained { get; set; }
    public int ParticipantDays { get; set; }
    public DateTimeOffset CountedAt { get; set; }
}
