namespace DecentWork.Training.Domain;

/// <summary>The numbers match the proto enum's.</summary>
public enum EditionStatus
{
    Planned = 1,
    Open = 2,
    Closed = 3,
    Held = 4,
    Cancelled = 5,
}

/// <summary>The numbers match the proto enum's.</summary>
public enum EnrolmentStatus
{
    Applied = 1,
    Accepted = 2,
    Waitlisted = 3,
    Attended = 4,
    Certified = 5,
    Withdrawn = 6,
}

public static class EditionLifecycle
{
    // Closed may reopen (a deadline extended); held and cancelled are final.
    private static readonly Dictionary<EditionStatus, EditionStatus[]> Next = new()
    {
        [EditionStatus.Planned] = [EditionStatus.Open, EditionStatus.Cancelled],
        [EditionStatus.Open] = [EditionStatus.Closed, EditionStatus.Cancelled],
        [EditionStatus.Closed] = [EditionStatus.Open, EditionStatus.Held, EditionStatus.Cancelled],
        [EditionStatus.Held] = [],
        [EditionStatus.Cancelled] = [],
    };

    public static bool CanMove(EditionStatus from, EditionStatus to) => Next[from].Contains(to);

    /// <summary>Attended and certified participants are the ones the reports count as trained.</summary>
    public static bool IsTrained(EnrolmentStatus status) => status is EnrolmentStatus.Attended or EnrolmentStatus.Certified;

    /// <summary>Statuses that hold one of the edition's places.</summary>
    public static bool HoldsPlace(EnrolmentStatus status) => status is EnrolmentStatus.Accepted || IsTrained(status);
}
