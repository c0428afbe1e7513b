namespace DecentWork.Training.Domain;

/// <summary>Trained participants of one kind in an edition: one named enrolment (count 1) or a counted group.</summary>
public readonly record struct TrainedParticipants(Sex Sex, string CountryCode, ConstituentGroup Group, bool Certified, int Count)
{
    public bool IsEmployerOrWorker => Group is ConstituentGroup.Employers or ConstituentGroup.Workers;
}

public sealed partial class Edition
{
    /// <summary>
    /// Everyone the reports count as trained: named enrolments that attended or were certified,
    /// and participants recorded by count. Every report and tally reads the edition through this.
    /// </summary>
    public IEnumerable<TrainedParticipants> Trained() =>
        Enrolments.Where(e => EditionLifecycle.IsTrained(e.Status))
            .Select(e => new TrainedParticipants(e.Sex, e.CountryCode, e.ConstituentGroup, e.Status == EnrolmentStatus.Certified, 1))
            .Concat(ParticipantCounts.Select(c =>
                new TrainedParticipants(c.Sex, c.CountryCode, c.ConstituentGroup, c.Status == EnrolmentStatus.Certified, c.Count)));

    public int TrainedCount() => Trained().Sum(t => t.Count);

    /// <summary>Linked to a DWCP through one of its outcomes (the course's links are the course's).</summary>
    public bool IsLinkedToOutcome => LinkedOutcomes.Count > 0;
}
