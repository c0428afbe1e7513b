namespace DecentWork.Contracts.Events.Programming;

/// <summary>
/// One country programme outcome as other contexts need it: coordination links it to UNDAF
/// outcomes, partnerships and training count money and people against it.
/// </summary>
/// <param name="StrategicObjective">1 standards and rights, 2 employment, 3 social protection, 4 social dialogue.</param>
public sealed record ProgrammeOutcome(Guid OutcomeId, string Code, string Statement, int StrategicObjective, decimal ResourceNeedUsd);

/// <summary>A draft was submitted to the DWCP Quality Assurance Mechanism.</summary>
/// <param name="ChangedBy">Who caused it, as "Name (subject)" from their access token; null in events published before tokens existed.</param>
public sealed record ProgrammeSubmittedForQualityAssurance(Guid ProgrammeId, string CountryCode, DateTimeOffset SubmittedAt, string? ChangedBy = null);

/// <summary>The programme was signed by government, employers and workers; carries its outcomes as approved.</summary>
/// <param name="ChangedBy">Who caused it, as "Name (subject)" from their access token; null in events published before tokens existed.</param>
public sealed record ProgrammeApproved(
    Guid ProgrammeId,
    string CountryCode,
    string Region,
    DateOnly ApprovedOn,
    IReadOnlyList<ProgrammeOutcome> Outcomes,
    DateTimeOffset ApprovedAt,
    string? ChangedBy = null);

/// <summary>An outcome was added, changed or withdrawn after approval. Withdrawn outcomes must no longer be linked or funded.</summary>
/// <param name="CountryCode">The programme's ISO alpha-3 country; empty in events published before it was added.</param>
/// <param name="ChangedBy">Who caused it, as "Name (subject)" from their access token; null in events published before tokens existed.</param>
public sealed record ProgrammeOutcomeChanged(Guid ProgrammeId, ProgrammeOutcome Outcome, bool Withdrawn, DateTimeOffset ChangedAt, string CountryCode = "",
    string? ChangedBy = null);

/// <summary>The programme's period is over and it was closed.</summary>
/// <param name="ChangedBy">Who caused it, as "Name (subject)" from their access token; null in events published before tokens existed.</param>
public sealed record ProgrammeCompleted(Guid ProgrammeId, DateTimeOffset CompletedAt, string? ChangedBy = null);

/// <summary>A tripartite or independent evaluation was recorded.</summary>
/// <param name="EvaluationKind">"Tripartite" or "Independent".</param>
/// <param name="ChangedBy">Who caused it, as "Name (subject)" from their access token; null in events published before tokens existed.</param>
public sealed record ProgrammeEvaluated(Guid ProgrammeId, string EvaluationKind, DateOnly EvaluatedOn, DateTimeOffset EvaluatedAt,
    string? ChangedBy = null);
