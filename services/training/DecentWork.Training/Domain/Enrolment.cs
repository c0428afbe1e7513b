using DecentWork.ServiceDefaults.Storage.History;

namespace DecentWork.Training.Domain;

/// <summary>One person's application for an edition; lives inside the Edition aggregate so the edition's capacity is one consistency boundary.</summary>
public sealed class Enrolment
{
    public Guid Id { get; set; }
    [PersonalData] public string ParticipantName { get; set; } = "";
    public Sex Sex { get; set; }
    public string CountryCode { get; set; } = "";
    public ConstituentGroup ConstituentGroup { get; set; }
    public string Organisation { get; set; } = "";
    [PersonalData] public string Email { get; set; } = "";
    /// <summary>See <see cref="Participant.IdentityKey"/>.</summary>
    [PersonalData] public string IdentityKey { get; set; } = "";
    [PersonalData] public string EmailKey { get; set; } = "";
    public EnrolmentStatus Status { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }
    /// <summary>Null when no fellowship was awarded.</summary>
    public FellowshipAward? Fellowship { get; set; }

    public static Enrolment From(Participant participant, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ParticipantName = participant.Name.Trim(),
        Sex = participant.Sex,
        CountryCode = participant.CountryCode.ToUpperInvariant(),
        ConstituentGroup = participant.Group,
        Organisation = participant.Organisation.Trim(),
        Email = participant.Email.Trim(),
        IdentityKey = participant.IdentityKey(),
        EmailKey = participant.EmailKey(),
        Status = EnrolmentStatus.Applied,
        AppliedAt = now,
        StatusChangedAt = now,
    };

    /// <summary>Takes the other person's keys, computed once, because it runs against every enrolment of the edition.</summary>
    public bool IsSamePerson(string identityKey, string emailKey) =>
        IdentityKey == identityKey || (EmailKey.Length > 0 && EmailKey == emailKey);
}
