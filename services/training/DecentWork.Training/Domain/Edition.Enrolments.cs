using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.Training.Domain;

public sealed partial class Edition
{
    /// <summary>
    /// Records an application. Only while the edition is open and on or before the deadline (the
    /// deadline day is included, in UTC); one application per person, withdrawn ones aside.
    /// </summary>
    public Enrolment Apply(Participant participant, DateTimeOffset now)
    {
        if (Status != EditionStatus.Open)
            throw new DomainRuleException($"Edition {Id} is {ProtoNames.Of(Status)}: it takes applications only while open.");
        if (DateOnly.FromDateTime(now.UtcDateTime) > ApplicationDeadline)
            throw new DomainRuleException($"Applications for edition {Id} closed on {ApplicationDeadline:yyyy-MM-dd}.");
        EnsureRoomForMore(1);
        var enrolment = Enrolment.From(participant, now);
        if (Enrolments.Any(e => e.Status != EnrolmentStatus.Withdrawn && e.IsSamePerson(enrolment.IdentityKey, enrolment.EmailKey)))
            throw new AlreadyExistsException($"{participant.Name.Trim()} ({participant.CountryCode}, {participant.Organisation.Trim()}) has already applied for edition {Id}.");
        Enrolments.Add(enrolment);
        return enrolment;
    }

    /// <summary>
    /// Applications beyond capacity are allowed (the Centre selects among them), but not without
    /// bound: the edition and its enrolments are one document, and documents have size limits.
    /// </summary>
    private void EnsureRoomForMore(int count)
    {
        if (Enrolments.Count + count > MaxEnrolments)
            throw new DomainRuleException($"Edition {Id} already holds {Enrolments.Count} enrolments; at most {MaxEnrolments} are kept per edition.");
    }

    /// <summary>Places taken by accepted, attended and certified participants, counted past participants included.</summary>
    public int PlacesTaken() => Enrolments.Count(e => EditionLifecycle.HoldsPlace(e.Status)) + ParticipantCounts.Sum(c => c.Count);

    /// <summary>Accepts an applicant into a free place, or onto the waiting list when the edition is full.</summary>
    public void Accept(Guid enrolmentId, DateTimeOffset now)
    {
        var enrolment = Find(enrolmentId);
        if (Status is not (EditionStatus.Open or EditionStatus.Closed))
            throw new DomainRuleException($"Edition {Id} is {ProtoNames.Of(Status)}: participants are accepted only while it is open or closed.");
        if (enrolment.Status != EnrolmentStatus.Applied)
            throw new DomainRuleException($"Enrolment {enrolmentId} is {ProtoNames.Of(enrolment.Status)}: only an application can be accepted.");
        Change(enrolment, PlacesTaken() < Capacity ? EnrolmentStatus.Accepted : EnrolmentStatus.Waitlisted, now);
    }

    /// <summary>Withdraws before attending; a freed place goes to the first on the waiting list.</summary>
    public void Withdraw(Guid enrolmentId, DateTimeOffset now)
    {
        var enrolment = Find(enrolmentId);
        if (enrolment.Status is not (EnrolmentStatus.Applied or EnrolmentStatus.Accepted or EnrolmentStatus.Waitlisted))
            throw new DomainRuleException($"Enrolment {enrolmentId} is {ProtoNames.Of(enrolment.Status)}: only someone who has not attended can withdraw.");
        var freesPlace = enrolment.Status == EnrolmentStatus.Accepted;
        Change(enrolment, EnrolmentStatus.Withdrawn, now);
        // Enrolments are kept in application order, so the first waitlisted one waited longest.
        if (freesPlace && Status is not (EditionStatus.Held or EditionStatus.Cancelled)
            && Enrolments.FirstOrDefault(e => e.Status == EnrolmentStatus.Waitlisted) is { } next)
            Change(next, EnrolmentStatus.Accepted, now);
    }

    /// <summary>
    /// Attendance makes a participant count as trained, so it is announced (in the same save) for
    /// the linked programmes' totals to be recounted; a certificate changes no count.
    /// </summary>
    public void RecordAttendance(Guid enrolmentId, DateTimeOffset now, string? changedBy = null)
    {
        AfterTheEdition(enrolmentId, EnrolmentStatus.Accepted, EnrolmentStatus.Attended, now);
        Raise(new EditionParticipantsTrained(Id, CourseId, TrainedCount(), now, changedBy));
    }

    public void Certify(Guid enrolmentId, DateTimeOffset now) =>
        AfterTheEdition(enrolmentId, EnrolmentStatus.Attended, EnrolmentStatus.Certified, now);

    private void AfterTheEdition(Guid enrolmentId, EnrolmentStatus from, EnrolmentStatus to, DateTimeOffset now)
    {
        var enrolment = Find(enrolmentId);
        if (Status != EditionStatus.Held)
            throw new DomainRuleException($"Edition {Id} is {ProtoNames.Of(Status)}: {ProtoNames.Of(to)} can be recorded only once it has been held.");
        if (enrolment.Status != from)
            throw new DomainRuleException($"Enrolment {enrolmentId} is {ProtoNames.Of(enrolment.Status)}: it must be {ProtoNames.Of(from)} to become {ProtoNames.Of(to)}.");
        Change(enrolment, to, now);
    }

    private Enrolment Find(Guid enrolmentId) =>
        Enrolments.FirstOrDefault(e => e.Id == enrolmentId) ?? throw new NotFoundException("Enrolment", enrolmentId);

    private static void Change(Enrolment enrolment, EnrolmentStatus status, DateTimeOffset now)
    {
        enrolment.Status = status;
        enrolment.StatusChangedAt = now;
    }
}
