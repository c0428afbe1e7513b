using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;

namespace DecentWork.Training.Domain;

/// <summary>
/// Correcting a catalogue entry and withdrawing a course. Nothing is deleted: a withdrawn course
/// keeps its editions, enrolments and links, and the store's history keeps every field old -> new.
/// Each change publishes the whole entry again (CoursePublished) with a growing revision.
/// </summary>
public sealed partial class Course
{
    public const int MaxWithdrawalReasonLength = 500;
    public const string WithdrawnReason = "COURSE_WITHDRAWN";

    /// <summary>Changes and withdrawals announced since publication: CoursePublished's revision is this + 1.</summary>
    public int Revisions { get; private set; }

    public bool Withdrawn { get; private set; }
    public string WithdrawalReason { get; private set; } = "";
    public string WithdrawnBy { get; private set; } = "";
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public static bool IsValidWithdrawalReason(string? reason) => reason?.Trim() is { Length: >= 1 and <= MaxWithdrawalReasonLength };

    /// <summary>
    /// Replaces the catalogue entry with these values, checked as publication checks them; false
    /// (nothing to save or announce) when they are the ones already held.
    /// </summary>
    public bool Change(string code, string title, CourseDetails details, DateTimeOffset now)
    {
        EnsureInCatalogue("changed");
        var before = (Code, Title, Description, SearchFacets, DurationDays, Themes: string.Join(',', Themes), Groups: string.Join(',', TargetGroups),
            Modes: string.Join(',', DeliveryModes));
        Describe(code, title, details);
        var after = (Code, Title, Description, SearchFacets, DurationDays, Themes: string.Join(',', Themes), Groups: string.Join(',', TargetGroups),
            Modes: string.Join(',', DeliveryModes));
        if (before == after) return false;
        Revisions++;
        Announce(now);
        return true;
    }

    /// <summary>Takes the course out of the catalogue, with who, when and why.</summary>
    public void Withdraw(string reason, DateTimeOffset now, string withdrawnBy)
    {
        EnsureInCatalogue("withdrawn again");
        if (!IsValidWithdrawalReason(reason))
            throw new DomainRuleException($"Withdrawing a course needs a reason of 1-{MaxWithdrawalReasonLength} characters.");
        (Withdrawn, WithdrawalReason, WithdrawnBy, WithdrawnAt) = (true, reason.Trim(), withdrawnBy, now);
        Revisions++;
        Announce(now);
    }

    /// <summary>A withdrawn course takes no new editions, and its editions no new applications.</summary>
    public void EnsureInCatalogue(string what)
    {
        if (Withdrawn)
            throw new DomainRuleException($"Course {Code} was withdrawn from the catalogue on {WithdrawnAt:yyyy-MM-dd}; it cannot be {what}.", WithdrawnReason);
    }

    private void Announce(DateTimeOffset now) =>
        Raise(new CoursePublished(Id, Code, Title, Description, PublishedAt, Withdrawn, Revisions + 1, now));
}
