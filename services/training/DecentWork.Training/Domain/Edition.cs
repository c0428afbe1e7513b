using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>
/// One run of a course and everyone enrolled in it. The enrolments live inside the edition so that
/// the capacity and the one-application-per-person rule are checked against one document, saved
/// with optimistic concurrency: two acceptances racing for the last place cannot both be saved.
/// </summary>
public sealed partial class Edition : Aggregate
{
    /// <summary>Distance-learning editions of the Centre reach thousands; a named enrolment list stops at <see cref="MaxEnrolments"/>.</summary>
    public const int MaxCapacity = 5000;
    public const int MaxVenueLength = 200;
    /// <summary>
    /// Named enrolments kept per edition, withdrawn ones included: the edition is one document,
    /// and documents have size limits. Participants recorded by count take one small entry per group.
    /// </summary>
    public const int MaxEnrolments = 5000;

    private Edition() { }

    public Guid CourseId { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    /// <summary>The start's year, stored so reports can filter on a plain integer in both stores.</summary>
    public int StartYear { get; private set; }
    /// <summary>The start as a day number (DateOnly.DayNumber): a plain integer both stores compare alike.</summary>
    public int StartDay { get; private set; }
    public string Venue { get; private set; } = "";
    public DeliveryMode DeliveryMode { get; private set; }
    public int Capacity { get; private set; }
    public decimal Fee { get; private set; }
    public string FeeCurrency { get; private set; } = "USD";
    public DateOnly ApplicationDeadline { get; private set; }
    public EditionStatus Status { get; private set; }
    public List<Enrolment> Enrolments { get; private set; } = [];
    /// <summary>Start date then id: the stores page on one key, and start dates repeat.</summary>
    public string ListKey { get; private set; } = "";

    /// <summary>
    /// When its course was last withdrawn (kept after a reinstatement, like the rest of the history).
    /// WithdrawCourse saves it on every edition of the course after the course itself: an application
    /// that read the course before the withdrawal and saves after this meets the version check, and
    /// its retry finds the course withdrawn (see ApplyForEdition).
    /// </summary>
    public DateTimeOffset? CourseWithdrawnAt { get; private set; }

    public void NoteCourseWithdrawn(DateTimeOffset withdrawnAt) => CourseWithdrawnAt = withdrawnAt;

    public static bool IsValidCapacity(int capacity) => capacity is >= 1 and <= MaxCapacity;

    public static Edition Schedule(Guid courseId, EditionPlan plan)
    {
        if (plan.Problem() is { } problem) throw new DomainRuleException(problem);
        var edition = new Edition
        {
            Id = Guid.NewGuid(),
            CourseId = courseId,
            StartDate = plan.StartDate,
            EndDate = plan.EndDate,
            StartYear = plan.StartDate.Year,
            StartDay = plan.StartDate.DayNumber,
            Venue = plan.Venue.Trim(),
            DeliveryMode = plan.DeliveryMode,
            Capacity = plan.Capacity,
            Fee = plan.Fee,
            FeeCurrency = plan.FeeCurrency.ToUpperInvariant(),
            ApplicationDeadline = plan.ApplicationDeadline,
            Status = EditionStatus.Planned,
        };
        edition.ListKey = $"{plan.StartDate:yyyy-MM-dd}|{edition.Id:N}";
        return edition;
    }

    /// <summary>Calendar days from the first to the last day, both included: what a participant-day counts.</summary>
    public int LengthInDays() => EndDate.DayNumber - StartDate.DayNumber + 1;

    /// <summary>
    /// Moves the edition on; false (nothing changed) when it is already in that status. Held says
    /// the edition took place, so it needs <paramref name="now"/> (the service's clock) and is
    /// refused (DATE_IN_FUTURE) before the edition's last day.
    /// </summary>
    public bool MoveTo(EditionStatus status, DateTimeOffset? now = null)
    {
        if (status == Status) return false;
        if (!EditionLifecycle.CanMove(Status, status))
            throw new DomainRuleException($"An edition cannot go from {ProtoNames.Of(Status)} to {ProtoNames.Of(status)}.");
        if (status == EditionStatus.Held) EnsureTookPlace(now ?? throw new ArgumentNullException(nameof(now), "Holding an edition needs today's date."));
        Status = status;
        return true;
    }

    private void EnsureTookPlace(DateTimeOffset now)
    {
        if (DateRules.IsInFuture(EndDate, now))
            throw new DomainRuleException($"An edition can be marked held once it has taken place; this one ends on {EndDate:yyyy-MM-dd}.",
                DateRules.InFuture, new Dictionary<string, string> { ["date"] = $"{EndDate:yyyy-MM-dd}" });
    }
}
