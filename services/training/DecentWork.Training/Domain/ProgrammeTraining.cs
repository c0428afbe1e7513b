using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>
/// People from a DWCP's country trained (attended or certified) on courses linked to the DWCP, as
/// last announced to programming. Its id is the programme's. Each change raises
/// ProgrammeTrainingCounted with the new totals, saved with them through the outbox; the revision is
/// the version this save gives the tally, so programming can drop an older event that arrives late.
/// </summary>
public sealed class ProgrammeTraining : Aggregate
{
    private ProgrammeTraining() { }

    public string CountryCode { get; private set; } = "";
    public int ParticipantsTrained { get; private set; }
    public int ParticipantDays { get; private set; }

    public static ProgrammeTraining For(KnownProgramme programme) => new() { Id = programme.Id, CountryCode = programme.CountryCode };

    /// <summary>
    /// Counts, over the editions linked to the programme (their own link or their course's), the
    /// trained participants from its country, named or counted, and their participant-days.
    /// Each edition must be given once.
    /// </summary>
    public (int Participants, int Days) Count(IEnumerable<Edition> editions)
    {
        var trained = editions.SelectMany(e => e.Trained()
            .Where(t => t.CountryCode == CountryCode)
            .Select(t => (t.Count, Days: t.Count * e.LengthInDays()))).ToList();
        return (trained.Sum(t => t.Count), trained.Sum(t => t.Days));
    }

    /// <summary>Takes the new totals and announces them; false (nothing to save or publish) when they did not change.</summary>
    public bool Recount(IEnumerable<Edition> editions, DateTimeOffset now)
    {
        var (participants, days) = Count(editions);
        // A new tally announces even zero, so programming hears of every linked programme once.
        if (Version > 0 && participants == ParticipantsTrained && days == ParticipantDays) return false;
        ParticipantsTrained = participants;
        ParticipantDays = days;
        Raise(new ProgrammeTrainingCounted(Id, CountryCode, participants, days, Version + 1, now));
        return true;
    }
}
