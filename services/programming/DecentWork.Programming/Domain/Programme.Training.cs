using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>Capacity built: people from the programme's country trained on courses linked to it, as training counts them.</summary>
public sealed partial class Programme
{
    /// <summary>The latest totals training announced; null until it announced any.</summary>
    public TrainingCount? Training { get; private set; }

    /// <summary>
    /// Takes training's running totals when they are newer than the ones held. Each count replaces
    /// the previous one and the revision orders them, so a late or repeated count (same or lower
    /// revision) changes nothing: false, nothing to save. Accepted in any status, because people
    /// trained on a linked course count for the programme whenever the news arrives.
    /// </summary>
    public bool RecordTrainingCount(long revision, int participantsTrained, int participantDays, DateTimeOffset countedAt, Change change)
    {
        if (revision < 1) throw new DomainRuleException($"A training count has a revision of 1 or more; got {revision}.");
        if (participantsTrained < 0 || participantDays < 0)
            throw new DomainRuleException($"A training count cannot be negative; got {participantsTrained} trained and {participantDays} participant-days.");
        if (Training is { } held && revision <= held.Revision) return false;
        Training = new TrainingCount
        {
            Revision = revision, ParticipantsTrained = participantsTrained, ParticipantDays = participantDays, CountedAt = countedAt,
        };
        Record(change, "TrainingCounted", $"revision {revision}: {participantsTrained} trained, {participantDays} participant-days");
        return true;
    }
}
