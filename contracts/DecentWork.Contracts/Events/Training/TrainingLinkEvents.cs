namespace DecentWork.Contracts.Events.Training;

/// <summary>
/// A course was linked to a DWCP, as a whole or through one of its country programme outcomes.
/// Raised in the same save as the link, so the programme's training totals are recounted even if
/// the service stops right after the call.
/// </summary>
/// <param name="OutcomeId">The outcome linked, or null when the course was linked to the programme as a whole.</param>
/// <param name="ChangedBy">Who made the link, as their access token names them ("Name (subject)"); null on events raised before this was recorded.</param>
public sealed record CourseLinkedToProgramme(Guid CourseId, Guid ProgrammeId, Guid? OutcomeId, DateTimeOffset LinkedAt, string? ChangedBy = null);

/// <summary>One edition of a course was linked to a country programme outcome (an edition designed for one DWCP).</summary>
/// <param name="ChangedBy">Who made the link, as their access token names them ("Name (subject)"); null on events raised before this was recorded.</param>
public sealed record EditionLinkedToOutcome(Guid EditionId, Guid CourseId, Guid ProgrammeId, Guid OutcomeId, DateTimeOffset LinkedAt, string? ChangedBy = null);

/// <summary>
/// Participants of an edition were recorded as trained (attendance, or past participants).
/// Raised in the same save as the attendance; training recounts the linked programmes from it.
/// </summary>
/// <param name="ParticipantsTrained">The edition's trained participants after this change.</param>
/// <param name="ChangedBy">Who recorded the attendance or the past participants, as their access token names them ("Name (subject)"); null on events raised before this was recorded.</param>
public sealed record EditionParticipantsTrained(Guid EditionId, Guid CourseId, int ParticipantsTrained, DateTimeOffset RecordedAt, string? ChangedBy = null);
