using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.Training.Domain;

/// <summary>A participant of a held edition as the Centre's records give it.</summary>
public sealed record PastParticipant(Participant Participant, bool Certified);

public sealed partial class Edition
{
    public const int MaxPastParticipantsPerCall = 1000;

    /// <summary>
    /// Records who took part in an edition that was held, straight as attended or certified. The
    /// application rules that still make sense apply to the whole batch: one enrolment per person
    /// (within the batch too) and no more trained participants than places. All or nothing.
    /// </summary>
    public void RecordPast(IReadOnlyList<PastParticipant> participants, DateTimeOffset now)
    {
        if (Status != EditionStatus.Held)
            throw new DomainRuleException($"Edition {Id} is {Status}: past participants are recorded only once it has been held.");
        if (PlacesTaken() + participants.Count > Capacity)
            throw new DomainRuleException($"Edition {Id} has {Capacity - PlacesTaken()} places left; {participants.Count} participants do not fit.");
        EnsureRoomForMore(participants.Count);
        var recorded = new List<Enrolment>();
        foreach (var past in participants)
        {
            var person = past.Participant;
            var enrolment = Enrolment.From(person, now);
            if (Enrolments.Concat(recorded).Any(e => e.Status != EnrolmentStatus.Withdrawn && e.IsSamePerson(enrolment.IdentityKey, enrolment.EmailKey)))
                throw new AlreadyExistsException($"{person.Name.Trim()} ({person.CountryCode}, {person.Organisation.Trim()}) is already enrolled in edition {Id}.");
            Change(enrolment, past.Certified ? EnrolmentStatus.Certified : EnrolmentStatus.Attended, now);
            recorded.Add(enrolment);
        }
        Enrolments.AddRange(recorded);
    }
}
