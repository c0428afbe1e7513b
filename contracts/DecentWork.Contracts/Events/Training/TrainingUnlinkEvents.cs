namespace DecentWork.Contracts.Events.Training;

/// <summary>
/// A course is no longer linked to a DWCP (it was unlinked from the programme, or from its last
/// linked outcome of the programme). Raised in the same save as the removal, so the programme's
/// training totals are recounted without the course even if the service stops right after the call.
/// </summary>
/// <param name="ChangedBy">Who removed the link, as their access token names them.</param>
public sealed record CourseUnlinkedFromProgramme(Guid CourseId, Guid ProgrammeId, string Reason, DateTimeOffset UnlinkedAt, string? ChangedBy = null);

/// <summary>One edition's link to a country programme outcome was removed; the programme is recounted.</summary>
/// <param name="ChangedBy">Who removed the link, as their access token names them.</param>
public sealed record EditionUnlinkedFromOutcome(Guid EditionId, Guid CourseId, Guid ProgrammeId, Guid OutcomeId, string Reason,
    DateTimeOffset UnlinkedAt, string? ChangedBy = null);
