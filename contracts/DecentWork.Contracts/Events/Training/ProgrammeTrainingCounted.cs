namespace DecentWork.Contracts.Events.Training;

/// <summary>
/// Running totals of people from a programme's country trained on courses or editions linked to the
/// programme or its outcomes (attended or certified, named or counted), so programming can show
/// capacity built per programme. Each event replaces the previous totals; <paramref name="Revision"/>
/// orders them.
/// </summary>
public sealed record ProgrammeTrainingCounted(
    Guid ProgrammeId,
    string CountryCode,
    int ParticipantsTrained,
    int ParticipantDays,
    long Revision,
    DateTimeOffset CountedAt);
