namespace DecentWork.Portal.Gateway;

// The slices of the training API's messages the edition page uses (contracts/protos/decentwork/training/v1).

public sealed record Course(string Id, string Code, string Title, int DurationDays);

public sealed record Edition(string Id, string CourseId, DateValue? StartDate, DateValue? EndDate, string? Venue, string? DeliveryMode,
    int Capacity, DateValue? ApplicationDeadline, string? Status, List<Enrolment>? Enrolments, long Version)
{
    public const string Waitlisted = "ENROLMENT_STATUS_WAITLISTED";

    /// <summary>Everyone but the waiting list, in application order.</summary>
    public IEnumerable<Enrolment> Enrolled => (Enrolments ?? []).Where(e => e.Status != Waitlisted);

    /// <summary>The waiting list, in application order: the order places are offered in.</summary>
    public IEnumerable<Enrolment> WaitingList => (Enrolments ?? []).Where(e => e.Status == Waitlisted);
}

public sealed record Enrolment(string Id, string ParticipantName, string? Sex, string? CountryCode, string? ConstituentGroup,
    string? Organisation, string? Status, DateTimeOffset? AppliedAt);

/// <summary>The enum names the enrolment form offers.</summary>
public static class EnrolmentChoices
{
    public static readonly string[] Sexes = ["SEX_FEMALE", "SEX_MALE"];
    public static readonly string[] ConstituentGroups = ["CONSTITUENT_GROUP_GOVERNMENT", "CONSTITUENT_GROUP_EMPLOYERS", "CONSTITUENT_GROUP_WORKERS",
        "CONSTITUENT_GROUP_STAFF", "CONSTITUENT_GROUP_OTHER"];
}
