namespace DecentWork.Training.Domain;

/// <summary>A link of a course or an edition that was removed, kept with who removed it, when and why. Settable, for the stores' mappers.</summary>
public sealed class RemovedLink
{
    public const int MaxReasonLength = 500;

    public Guid ProgrammeId { get; set; }
    /// <summary>Null for a course's link to the programme as a whole.</summary>
    public Guid? OutcomeId { get; set; }
    public string OutcomeCode { get; set; } = "";
    public DateTimeOffset? LinkedAt { get; set; }
    public DateTimeOffset RemovedAt { get; set; }
    public string RemovedBy { get; set; } = "";
    public string Reason { get; set; } = "";

    public static bool IsValidReason(string? reason) => reason?.Trim() is { Length: >= 1 and <= MaxReasonLength };

    public static RemovedLink Of(OutcomeLink link, string reason, string removedBy, DateTimeOffset now) => new()
    {
        ProgrammeId = link.ProgrammeId, OutcomeId = link.OutcomeId, OutcomeCode = link.OutcomeCode, LinkedAt = link.LinkedAt,
        RemovedAt = now, RemovedBy = removedBy, Reason = reason.Trim(),
    };

    public static RemovedLink OfProgramme(Guid programmeId, string reason, string removedBy, DateTimeOffset now) => new()
    {
        ProgrammeId = programmeId, RemovedAt = now, RemovedBy = removedBy, Reason = reason.Trim(),
    };
}
