using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>What a project is about; the aggregate checks the rules, the caller the shapes.</summary>
public sealed record ProjectPlan(string Code, string Title, IReadOnlyList<string> CountryCodes, IReadOnlyList<Guid> PartnerIds,
    decimal BudgetUsd, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<Guid> OutcomeIds, IReadOnlyList<int> StrategicObjectives);

/// <summary>
/// A technical-cooperation project: in the pipeline until approved, and approved only after a
/// complete, satisfactory appraisal and a gender peer review that cleared it; then through the
/// IATI activity statuses as <see cref="ProjectTransitions"/> allows.
/// </summary>
public sealed partial class Project : Aggregate
{
    public const int MaxCodeLength = 50;

    private Project() { }

    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public List<string> CountryCodes { get; private set; } = [];
    public List<Guid> PartnerIds { get; private set; } = [];
    public decimal BudgetUsd { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public List<Guid> OutcomeIds { get; private set; } = [];
    public List<int> StrategicObjectives { get; private set; } = [];
    public ProjectStatus Status { get; private set; }
    public ProjectAppraisal? Appraisal { get; private set; }
    public GenderPeerReview? GenderPeerReview { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Policy markers, SDG goals and targets, sectors (Classify); empty on projects stored before they were kept.</summary>
    public WorkClassification Classification { get; private set; } = new();

    /// <summary>Every status change since registration, oldest first (approval included).</summary>
    public List<ProjectStatusChange> StatusChanges { get; private set; } = [];

    /// <summary>The code upper-cased: unique index and list order (codes are unique, so no id needed).</summary>
    public string SortKey { get; private set; } = "";

    public static Project Register(ProjectPlan plan, DateTimeOffset now)
    {
        var code = plan.Code.Trim().ToUpperInvariant();
        if (code.Length is 0 or > MaxCodeLength || plan.Title.Trim().Length == 0)
            throw new DomainRuleException($"A project needs a code of 1-{MaxCodeLength} characters and a title.");
        if (plan.CountryCodes.Count == 0 || plan.PartnerIds.Count == 0)
            throw new DomainRuleException("A project needs at least one country and one funding partner.");
        if (plan.BudgetUsd <= 0)
            throw new DomainRuleException("A project needs a positive budget.");
        if (plan.EndDate < plan.StartDate)
            throw new DomainRuleException("A project cannot end before it starts.");
        if (plan.StrategicObjectives.Any(o => !Allocation.IsValidStrategicObjective(o)))
            throw new DomainRuleException("A strategic objective is 1-4.");

        var project = new Project
        {
            Id = Guid.NewGuid(),
            Code = code,
            SortKey = code,
            Title = plan.Title.Trim(),
            CountryCodes = [.. plan.CountryCodes.Distinct().Order(StringComparer.Ordinal)],
            PartnerIds = [.. plan.PartnerIds.Distinct()],
            BudgetUsd = plan.BudgetUsd,
            StartDate = plan.StartDate,
            EndDate = plan.EndDate,
            OutcomeIds = [.. plan.OutcomeIds.Distinct()],
            StrategicObjectives = [.. plan.StrategicObjectives.Distinct().Order()],
            Status = ProjectStatus.Pipeline,
            RegisteredAt = now,
        };
        project.Announce(now);
        return project;
    }

    /// <summary>When the classification last changed; null until classified. The IATI export dates its activity by it.</summary>
    public DateTimeOffset? ClassifiedAt { get; private set; }

    /// <summary>Replaces the classification; it describes the project, so any status may take it.</summary>
    public void Classify(WorkClassification classification, DateTimeOffset now)
    {
        Classification = classification;
        ClassifiedAt = now;
    }

    public void Appraise(ProjectAppraisal appraisal, DateOnly today)
    {
        EnsureInPipeline("appraised");
        if (!appraisal.IsComplete())
            throw new DomainRuleException("An appraisal needs a finding on all six criteria, an appraiser and a date.");
        EnsureNotFuture(appraisal.AppraisalDate, today);
        Appraisal = appraisal;
    }

    public void ReviewGender(GenderPeerReview review, DateOnly today)
    {
        EnsureInPipeline("peer-reviewed for gender");
        if (review.Reviewer.Trim().Length == 0 || review.ReviewDate == default)
            throw new DomainRuleException("A gender peer review needs a reviewer and a date.");
        EnsureNotFuture(review.ReviewDate, today);
        GenderPeerReview = review;
    }

    /// <summary>
    /// Pipeline to implementation, only with a satisfactory appraisal and a cleared gender review,
    /// on a day not before either of them.
    /// </summary>
    public void Approve(DateOnly approvedOn, DateOnly today, string changedBy)
    {
        EnsureInPipeline("approved");
        if (Appraisal is null)
            throw new DomainRuleException($"Project {Code} has not been appraised; appraise it before approval.");
        if (Appraisal.Unsatisfactory() is { Count: > 0 } failed)
            throw new DomainRuleException($"Project {Code}'s appraisal found it unsatisfactory on: {string.Join(", ", failed)}.");
        if (GenderPeerReview is not { Cleared: true })
            throw new DomainRuleException($"Project {Code} needs a gender peer review that cleared it before approval.");
        EnsureNotFuture(approvedOn, today);
        if (!ApprovalFollowsTheReviews(approvedOn))
            throw new DomainRuleException(
                $"Project {Code} cannot be approved on {approvedOn:yyyy-MM-dd}, before its appraisal ({Appraisal.AppraisalDate:yyyy-MM-dd}) " +
                $"or gender peer review ({GenderPeerReview.ReviewDate:yyyy-MM-dd}).");
        Record(ProjectStatus.Implementation, approvedOn, "", changedBy);
    }

    /// <summary>
    /// A step after approval (finalisation, closure, suspension, resumption, cancellation) as
    /// <see cref="ProjectTransitions"/> allows it, dated no later than today and not before the last change.
    /// </summary>
    public void ChangeStatus(ProjectStatus to, string reason, DateOnly changedOn, DateOnly today, string changedBy)
    {
        if (!ProjectTransitions.IsAllowed(Status, to))
            throw new DomainRuleException(ProjectTransitions.Refusal(Code, Status, to));
        if (ProjectTransitions.NeedsReason(to) && reason.Trim().Length == 0)
            throw new DomainRuleException($"Project {Code} can only become {ProtoNames.Of(to)} with a reason.");
        EnsureNotFuture(changedOn, today);
        if (!FollowsTheLastChange(changedOn))
            throw new DomainRuleException(
                $"Project {Code} last changed status on {StatusChanges[^1].ChangedOn:yyyy-MM-dd}; a change cannot be dated before that ({changedOn:yyyy-MM-dd}).");
        Record(to, changedOn, reason.Trim(), changedBy);
    }

    /// <summary>
    /// Takes a project out of the portfolio from any status that is not final, with a reason, dated
    /// today; the step joins the status history like any other, so nothing is lost.
    /// </summary>
    public void Withdraw(string reason, DateOnly today, string changedBy)
    {
        if (!ProjectTransitions.CanWithdraw(Status))
            throw new DomainRuleException($"Project {Code} is {ProtoNames.Of(Status)}, which is final; it cannot be withdrawn.");
        if (reason.Trim().Length == 0)
            throw new DomainRuleException($"Project {Code} can only be withdrawn with a reason.");
        Record(ProjectStatus.Withdrawn, FollowsTheLastChange(today) ? today : StatusChanges[^1].ChangedOn, reason.Trim(), changedBy);
        Announce(new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    /// <summary>
    /// Tells the platform's search (coordination) what it may show of the project, through the outbox
    /// with the save. The revision grows with every status change, so a consumer keeps the latest.
    /// </summary>
    private void Announce(DateTimeOffset at) =>
        Raise(new ProjectPublished(Id, Code, Title, [.. CountryCodes], StartDate, Status == ProjectStatus.Withdrawn, StatusChanges.Count + 1, at));

    public bool ApprovalFollowsTheReviews(DateOnly approvedOn) =>
        (Appraisal is null || approvedOn >= Appraisal.AppraisalDate) && (GenderPeerReview is null || approvedOn >= GenderPeerReview.ReviewDate);

    /// <summary>History reads in order; projects approved before history was kept have none to follow.</summary>
    public bool FollowsTheLastChange(DateOnly changedOn) => StatusChanges.Count == 0 || changedOn >= StatusChanges[^1].ChangedOn;

    private void Record(ProjectStatus to, DateOnly on, string reason, string changedBy)
    {
        StatusChanges.Add(new ProjectStatusChange { From = Status, To = to, ChangedOn = on, Reason = reason, ChangedBy = changedBy });
        Status = to;
    }

    public void CheckVersion(long expected)
    {
        if (expected != 0 && expected != Version)
            throw new ConcurrencyConflictException("projects", Id);
    }

    private void EnsureInPipeline(string step)
    {
        if (Status != ProjectStatus.Pipeline)
            throw new DomainRuleException($"Project {Code} is in {ProtoNames.Of(Status)}; only a project in the pipeline can be {step}.");
    }

    private static void EnsureNotFuture(DateOnly date, DateOnly today)
    {
        if (date > today)
            throw new DomainRuleException($"A review or status change cannot be dated in the future ({date:yyyy-MM-dd}).");
    }
}
