using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;

namespace DecentWork.Training.Domain;

/// <summary>
/// Correcting a catalogue entry, withdrawing a course and reinstating it. Nothing is deleted: a
/// withdrawn course keeps its editions, enrolments and links, and the store's history keeps every
/// field old -> new. Each change publishes the whole entry again (CoursePublished) with a growing revision.
/// </summary>
public sealed partial class Course
{
    public const int MaxWithdrawalReasonLength = 500;
    public const string WithdrawnReason = "COURSE_WITHDRAWN";
    public const string NotWithdrawnReason = "COURSE_NOT_WITHDRAWN";

    /// <summary>Changes and withdrawals announced since publication: CoursePublished's revision is this + 1.</summary>
    public int Revisions { get; private set; }

    public bool Withdrawn { get; private set; }
    public string WithdrawalReason { get; private set; } = "";
    public string WithdrawnBy { get; private set; } = "";
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string ReinstatementReason { get; private set; } = "";
    public string ReinstatedBy { get; private set; } = "";
    public DateTimeOffset? ReinstatedAt { get; private set; }

    /// <summary>
    /// The edition whose scheduling last saved this course (see <see cref="AdmitEdition"/>); null if none
    /// was scheduled since the mark existed. It orders schedulings and withdrawals on this one aggregate.
    /// </summary>
    public Guid? LastScheduledEditionId { get; private set; }

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
        (ReinstatementReason, ReinstatedBy, ReinstatedAt) = ("", "", null);
        Revisions++;
        Announce(now);
    }

    /// <summary>
    /// Puts a withdrawn course back in the catalogue, with who, when and why; the withdrawal's
    /// details are cleared here and kept in the store's history (old -> new).
    /// </summary>
    public void Reinstate(string reason, DateTimeOffset now, string reinstatedBy)
    {
        if (!Withdrawn)
            throw new DomainRuleException($"Course {Code} is in the catalogue; only a withdrawn course can be reinstated.", NotWithdrawnReason);
        if (!IsValidWithdrawalReason(reason))
            throw new DomainRuleException($"Reinstating a course needs a reason of 1-{MaxWithdrawalReasonLength} characters.");
        (Withdrawn, WithdrawalReason, WithdrawnBy, WithdrawnAt) = (false, "", "", null);
        (ReinstatementReason, ReinstatedBy, ReinstatedAt) = (reason.Trim(), reinstatedBy, now);
        Revisions++;
        Announce(now);
    }

    /// <summary>
    /// Admits a new edition while the course is in the catalogue. The course is saved with this mark
    /// (against the version read) before the edition is: a withdrawal saved first makes that save
    /// conflict, and the retry finds the course withdrawn (COURSE_WITHDRAWN); a withdrawal reading the
    /// course first conflicts with the mark and is retried over it. Either way the two are ordered on
    /// the course: no edition is scheduled on the strength of a read the withdrawal overtook.
    /// </summary>
    public void AdmitEdition(Guid editionId)
    {
        EnsureInCatalogue("given a new edition");
        LastScheduledEditionId = editionId;
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
