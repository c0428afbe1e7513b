using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.Training.Domain;

/// <summary>A participant of a held edition as the Centre's records give it.</summary>
public sealed record PastParticipant(Participant Participant, bool Certified);

/// <summary>
/// Participants of a held edition the Centre's records only count: how many of one sex, country
/// and constituent group attended (or were certified). No names, so no identity check.
/// </summary>
public sealed record PastParticipantCount(Sex Sex, string CountryCode, ConstituentGroup Group, bool Certified, int Count);

/// <summary>A stored <see cref="PastParticipantCount"/>.</summary>
public sealed class CountedParticipants
{
    public Sex Sex { get; set; }
    public string CountryCode { get; set; } = "";
    public ConstituentGroup ConstituentGroup { get; set; }
    /// <summary>Attended or Certified.</summary>
    public EnrolmentStatus Status { get; set; }
    public int Count { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed partial class Edition
{
    /// <summary>
    /// Named participants per call: 2,000 entries of ordinary length are about 400 KB of JSON,
    /// well within the gateway's 1 MiB body limit (the longest allowed fields are not).
    /// </summary>
    public const int MaxPastParticipantsPerCall = 2000;
    /// <summary>Counted entries per call: at about 150 bytes of JSON each, 2,000 are about 300 KB.</summary>
    public const int MaxPastCountsPerCall = 2000;

    /// <summary>Participants recorded by count only (<see cref="RecordPast(IReadOnlyList{PastParticipant}, IReadOnlyList{PastParticipantCount}, DateTimeOffset, string)"/>).</summary>
    public List<CountedParticipants> ParticipantCounts { get; private set; } = [];

    public void RecordPast(IReadOnlyList<PastParticipant> participants, DateTimeOffset now) => RecordPast(participants, [], now);

    /// <summary>
    /// Records who took part in an edition that was held, straight as attended or certified, by
    /// name or by count. The application rules that still make sense apply to the whole batch:
    /// one enrolment per named person (within the batch too) and no more trained participants
    /// than places. All or nothing.
    /// </summary>
    public void RecordPast(IReadOnlyList<PastParticipant> participants, IReadOnlyList<PastParticipantCount> counts, DateTimeOffset now, string? changedBy = null)
    {
        if (Status != EditionStatus.Held)
            throw new DomainRuleException($"Edition {Id} is {ProtoNames.Of(Status)}: past participants are recorded only once it has been held.");
        EnsurePastBatchIsWithinLimits(participants, counts);
        var arriving = participants.Count + counts.Sum(c => (long)c.Count);
        if (PlacesTaken() + arriving > Capacity)
            throw new DomainRuleException($"Edition {Id} has {Capacity - PlacesTaken()} places left; {arriving} participants do not fit.");
        EnsureRoomForMore(participants.Count);
        var recorded = NamedPastParticipants(participants, now);
        Enrolments.AddRange(recorded);
        ParticipantCounts.AddRange(counts.Select(c => new CountedParticipants
        {
            Sex = c.Sex,
            CountryCode = c.CountryCode.ToUpperInvariant(),
            ConstituentGroup = c.Group,
            Status = c.Certified ? EnrolmentStatus.Certified : EnrolmentStatus.Attended,
            Count = c.Count,
            RecordedAt = now,
        }));
        Raise(new EditionParticipantsTrained(Id, CourseId, TrainedCount(), now, changedBy));
    }

    private static void EnsurePastBatchIsWithinLimits(IReadOnlyList<PastParticipant> participants, IReadOnlyList<PastParticipantCount> counts)
    {
        if (participants.Count == 0 && counts.Count == 0)
            throw new DomainRuleException("A record of past participants needs at least one participant or count.");
        if (participants.Count > MaxPastParticipantsPerCall || counts.Count > MaxPastCountsPerCall)
            throw new DomainRuleException(
                $"At most {MaxPastParticipantsPerCall} named participants and {MaxPastCountsPerCall} counts are recorded at once.");
        if (counts.Any(c => c.Count < 1)) throw new DomainRuleException("A count of past participants is at least 1.");
    }

    /// <summary>The batch's enrolments; the identity keys go in sets, because a batch may hold thousands.</summary>
    private List<Enrolment> NamedPastParticipants(IReadOnlyList<PastParticipant> participants, DateTimeOffset now)
    {
        var enrolled = Enrolments.Where(e => e.Status != EnrolmentStatus.Withdrawn).ToList();
        var identities = enrolled.Select(e => e.IdentityKey).ToHashSet();
        var emails = enrolled.Select(e => e.EmailKey).Where(k => k.Length > 0).ToHashSet();
        var recorded = new List<Enrolment>();
        foreach (var past in participants)
        {
            var person = past.Participant;
            var enrolment = Enrolment.From(person, now);
            if (!identities.Add(enrolment.IdentityKey) || (enrolment.EmailKey.Length > 0 && !emails.Add(enrolment.EmailKey)))
                throw new AlreadyExistsException($"{person.Name.Trim()} ({person.CountryCode}, {person.Organisation.Trim()}) is already enrolled in edition {Id}.");
            Change(enrolment, past.Certified ? EnrolmentStatus.Certified : EnrolmentStatus.Attended, now);
            recorded.Add(enrolment);
        }
        return recorded;
    }
}
