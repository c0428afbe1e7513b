using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>Where a Toolkit assessment stands, in order: steps may be skipped, never reversed.</summary>
public enum ToolkitAssessmentStatus
{
    Planned = 0,
    InProgress = 1,
    Completed = 2,
}

/// <summary>
/// One agency's assessment with the Toolkit for mainstreaming employment and decent work, agency-wide
/// or by a UN country team in one country. The paper counts agencies with a completed one.
/// </summary>
public sealed class ToolkitAssessment : Aggregate
{
    // The CEB adopted the Toolkit in 2007: an earlier date is a typo. The upper bound only stops typos.
    public const int FirstYear = 2007;
    public const int LastYear = 2100;
    public const int MaxFindingsLength = 2000;

    private ToolkitAssessment() { }

    public string Agency { get; private set; } = "";
    /// <summary>Empty for an agency-wide assessment.</summary>
    public string CountryCode { get; private set; } = "";
    public ToolkitAssessmentStatus Status { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public bool SupportedByOrganisation { get; private set; }
    public string Findings { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Agency and country, e.g. "FAO|" or "UNDP|TZA": unique in the store, one assessment per agency and scope.</summary>
    public string AgencyScopeKey { get; private set; } = "";

    /// <summary>
    /// Agency, country, id: the list order, one key for both stores (both compare ordinally). Spaces
    /// separate the parts because a space sorts before every character an acronym or code may hold,
    /// so "ITU" comes before "ITU-D" and an agency-wide assessment before the agency's country ones.
    /// </summary>
    public string SortKey { get; private set; } = "";

    public static string KeyFor(string agency, Country? country) => $"{JointProgrammeRules.NormaliseAgency(agency)}|{country?.Code}";

    public static ToolkitAssessment Record(string agency, Country? country, ToolkitAssessmentStatus status, DateOnly? startedOn, DateOnly? completedOn,
        bool supportedByOrganisation, string findings, DateTimeOffset now)
    {
        if (!JointProgrammeRules.IsValidAgency(agency))
            throw new DomainRuleException($"'{agency}' is not an agency acronym (2-20 letters, digits or dashes).");
        if (!IsValidFindings(findings))
            throw new DomainRuleException($"Findings have at most {MaxFindingsLength} characters.");
        if (DatesProblem(status, startedOn, completedOn) is { } problem)
            throw new DomainRuleException(problem);

        var assessment = new ToolkitAssessment
        {
            Id = Guid.NewGuid(),
            Agency = JointProgrammeRules.NormaliseAgency(agency),
            CountryCode = country?.Code ?? "",
            Status = status,
            StartedOn = startedOn,
            CompletedOn = completedOn,
            SupportedByOrganisation = supportedByOrganisation,
            Findings = findings.Trim(),
            RecordedAt = now,
            AgencyScopeKey = KeyFor(agency, country),
        };
        assessment.SortKey = $"{assessment.Agency} {assessment.CountryCode} {assessment.Id:N}";
        // No integration event: no other context consumes Toolkit assessments yet.
        return assessment;
    }

    public static bool IsValidFindings(string? findings) => findings is null || findings.Trim().Length <= MaxFindingsLength;

    public static bool IsValidDay(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>
    /// What is wrong with these dates for this status, or null: planned has none; in progress has a
    /// start and no completion; completed has a completion, not before the start if there is one.
    /// </summary>
    public static string? DatesProblem(ToolkitAssessmentStatus status, DateOnly? startedOn, DateOnly? completedOn)
    {
        if (!Enum.IsDefined(status)) return $"'{ProtoNames.Of(status)}' is not a Toolkit assessment status.";
        if ((startedOn is { } s && !IsValidDay(s)) || (completedOn is { } c && !IsValidDay(c)))
            return $"Toolkit assessment dates fall in {FirstYear}-{LastYear}.";
        return status switch
        {
            ToolkitAssessmentStatus.Planned when startedOn is not null || completedOn is not null =>
                "A planned assessment has neither started nor been completed: leave both dates out.",
            ToolkitAssessmentStatus.InProgress when startedOn is null => "An assessment in progress needs the day it started.",
            ToolkitAssessmentStatus.InProgress when completedOn is not null => "An assessment in progress has no completion date.",
            ToolkitAssessmentStatus.Completed when completedOn is null => "A completed assessment needs the day it was completed.",
            ToolkitAssessmentStatus.Completed when startedOn > completedOn => "An assessment cannot be completed before it started.",
            _ => null,
        };
    }

    /// <summary>Moves the assessment forward, dated; false when it already has that status. Never backwards.</summary>
    public bool ChangeStatus(ToolkitAssessmentStatus target, DateOnly changedOn)
    {
        if (target is not (ToolkitAssessmentStatus.InProgress or ToolkitAssessmentStatus.Completed))
            throw new DomainRuleException($"An assessment is moved to in progress or completed, not to {ProtoNames.Of(target)}.");
        if (!IsValidDay(changedOn))
            throw new DomainRuleException($"Toolkit assessment dates fall in {FirstYear}-{LastYear}, not {changedOn:yyyy-MM-dd}.");
        if (target == Status) return false;
        if (target < Status)
            throw new DomainRuleException($"Toolkit assessment {Id} cannot go back from {ProtoNames.Of(Status)} to {ProtoNames.Of(target)}.");
        if (target == ToolkitAssessmentStatus.Completed && StartedOn > changedOn)
            throw new DomainRuleException($"Toolkit assessment {Id} started on {StartedOn:yyyy-MM-dd} and cannot be completed before, on {changedOn:yyyy-MM-dd}.");

        if (target == ToolkitAssessmentStatus.InProgress) StartedOn = changedOn;
        else CompletedOn = changedOn;
        Status = target;
        return true;
    }
}
