using System.Globalization;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>One year of one project's budget, funded by the approval whose book holds it.</summary>
public sealed class BudgetLine
{
    public Guid ProjectId { get; init; }
    public string ProjectCode { get; init; } = "";
    public int Year { get; init; }
    public decimal AmountUsd { get; init; }
    public string CountryCode { get; init; } = "";
    public IloRegion? Region { get; init; }
}

/// <summary>
/// The budget book of one funding approval (same id): every project budget line its money
/// funds. Keeping all of an approval's lines in one aggregate makes "an approval cannot fund more
/// than its amount across all projects" a rule checked and saved in one write: two concurrent
/// writes for different projects against one approval meet the version check, and the loser
/// retries against the winner's lines.
/// </summary>
public sealed class ApprovalBudget : Aggregate
{
    private ApprovalBudget() { }

    public Guid PartnerId { get; private set; }
    public FundingSource Source { get; private set; }
    public List<BudgetLine> Lines { get; private set; } = [];

    public decimal CommittedUsd => Lines.Sum(l => l.AmountUsd);

    /// <summary>
    /// The revision a correction that lowers (or cancels) the approval is taking it to, and the amount
    /// it leaves. The correction holds this book first and saves the approval second, so a budget line
    /// written meanwhile, against the approval as read before, meets this book's version check and the
    /// lower ceiling: the two writes are ordered by this one aggregate. Once the approval has reached
    /// the revision, its own amount rules and the hold counts for nothing; a hold whose correction
    /// never saved (a crash between the two writes) only keeps the lower ceiling until the next correction.
    /// </summary>
    public int HeldForRevision { get; private set; }

    public decimal HeldCeilingUsd { get; private set; }

    /// <summary>Counts the changes of <see cref="Lines"/>: the revision of the ProjectFinanceChanged each one publishes.</summary>
    public int LinesRevision { get; private set; }

    /// <summary>
    /// The <see cref="LinesRevision"/> last published; null on a book saved before ProjectFinanceChanged
    /// existed (the field missing), which the start-up backfill announces once (Storage/FinanceAnnouncementBackfill).
    /// Indexed, so a store with nothing left to announce is found so by one seek.
    /// </summary>
    public int? AnnouncedRevision { get; private set; }

    public static ApprovalBudget Open(FundingApproval approval) =>
        new() { Id = approval.Id, PartnerId = approval.PartnerId, Source = approval.Source, AnnouncedRevision = 0 };

    /// <summary>The line of this project and year, 0 when there is none.</summary>
    public decimal LineOf(Guid projectId, int year) =>
        Lines.FirstOrDefault(l => l.ProjectId == projectId && l.Year == year)?.AmountUsd ?? 0m;

    /// <summary>
    /// Sets the project's line for the year (0 removes it). <paramref name="projectBudgetedUsd"/>
    /// is what the project's lines add up to now, across every approval (this one's included).
    /// </summary>
    public void SetLine(FundingApproval approval, Project project, int year, decimal amountUsd, decimal projectBudgetedUsd)
    {
        if (approval.Id != Id)
            throw new ArgumentException("The approval is not this book's.", nameof(approval));
        if (amountUsd < 0)
            throw new DomainRuleException("A budget line cannot be negative.");
        if (!project.PartnerIds.Contains(approval.PartnerId))
            throw new DomainRuleException($"Project {project.Code} is not funded by the approval's partner; add the partner to the project first.",
                "BUDGET_PARTNER_NOT_FUNDING_PROJECT");
        if (year < project.StartDate.Year || year > project.EndDate.Year)
            throw new DomainRuleException($"Project {project.Code} runs {project.StartDate.Year}-{project.EndDate.Year}; it cannot budget {year}.",
                "BUDGET_YEAR_OUTSIDE_PROJECT");

        if (approval.IsCancelled() && amountUsd > 0)
            throw new DomainRuleException($"Funding approval {approval.Id} is cancelled; a cancelled approval funds no budget lines.",
                "APPROVAL_CANCELLED");

        var previous = LineOf(project.Id, year);
        var approvalLeft = CeilingFor(approval) - (CommittedUsd - previous);
        if (amountUsd > approvalLeft)
            throw new DomainRuleException(
                $"The approval has {Money(approvalLeft)} left to fund projects; a line of {Money(amountUsd)} is more than that.",
                "APPROVAL_OVERCOMMITTED", new Dictionary<string, string> { ["left_usd"] = Plain(approvalLeft) });
        var projectLeft = project.BudgetUsd - (projectBudgetedUsd - previous);
        if (amountUsd > projectLeft)
            throw new DomainRuleException(
                $"Project {project.Code} has {Money(projectLeft)} of its funding left to budget; a line of {Money(amountUsd)} is more than that.",
                "PROJECT_OVERBUDGETED", new Dictionary<string, string> { ["left_usd"] = Plain(projectLeft) });

        Put(project, year, amountUsd);
    }

    /// <summary>
    /// What the approval can fund across projects: its amount, or less while a correction lowering it
    /// is on its way (see <see cref="HeldForRevision"/>); nothing once it is cancelled.
    /// </summary>
    public decimal CeilingFor(FundingApproval approval)
    {
        if (approval.IsCancelled()) return 0m;
        return HeldForRevision > approval.CurrentRevision() ? Math.Min(approval.AmountUsd, HeldCeilingUsd) : approval.AmountUsd;
    }

    /// <summary>
    /// Holds the book for a correction that lowers or cancels the approval (<paramref name="corrected"/>
    /// is the approval as the correction leaves it). Refused while projects budget more than it leaves:
    /// budget lines are the projects' own decisions, so a correction does not release them silently.
    /// </summary>
    public void HoldFor(FundingApproval corrected)
    {
        if (corrected.Id != Id)
            throw new ArgumentException("The approval is not this book's.", nameof(corrected));
        var ceiling = corrected.IsCancelled() ? 0m : corrected.AmountUsd;
        if (CommittedUsd > ceiling)
        {
            var metadata = new Dictionary<string, string> { ["budgeted_usd"] = Plain(CommittedUsd) };
            var projectsFunded = Lines.Select(l => l.ProjectCode).Distinct().Count();
            throw corrected.IsCancelled()
                ? new DomainRuleException(
                    $"Projects budget {Money(CommittedUsd)} from this approval ({projectsFunded} project(s)); it cannot be cancelled while they do. " +
                    "Set those budget lines to 0 or fund them from another approval first.", "APPROVAL_BUDGETED", metadata)
                : new DomainRuleException(
                    $"Projects budget {Money(CommittedUsd)} from this approval ({projectsFunded} project(s)); it cannot be amended to {Money(ceiling)}. " +
                    "Lower those budget lines first.", "APPROVAL_BUDGETED", metadata);
        }
        HeldForRevision = corrected.CurrentRevision();
        HeldCeilingUsd = ceiling;
    }

    /// <summary>Puts back a line as it was (undoing a write that lost a race on the project's funding).</summary>
    public void RestoreLine(Project project, int year, decimal amountUsd) => Put(project, year, amountUsd);

    private void Put(Project project, int year, decimal amountUsd)
    {
        var attribution = FinanceAttribution.Of(project);
        Lines.RemoveAll(l => l.ProjectId == project.Id && l.Year == year);
        if (amountUsd > 0)
            Lines.Add(new BudgetLine
            {
                ProjectId = project.Id, ProjectCode = project.Code, Year = year, AmountUsd = amountUsd,
                CountryCode = attribution.CountryCode, Region = attribution.Region,
            });
        LinesRevision++;
        Announce();
    }

    /// <summary>
    /// Announces a book saved before ProjectFinanceChanged existed, once: its lines as they stand,
    /// under a revision of at least 1 (coordination keeps the highest per book, so announcing again
    /// what it already holds changes nothing there). A book without lines only gets the mark: it puts
    /// money nowhere, and coordination holds nothing of it. False when the book was announced already.
    /// </summary>
    public bool BackfillAnnouncement()
    {
        if (AnnouncedRevision is not null) return false;
        if (Lines.Count == 0)
        {
            AnnouncedRevision = LinesRevision;
            return true;
        }
        LinesRevision = Math.Max(LinesRevision, 1);
        Announce();
        return true;
    }

    /// <summary>The whole book, so coordination's region comparison follows every line set, lowered or undone.</summary>
    private void Announce()
    {
        Raise(new ProjectFinanceChanged(Id, LinesRevision, [.. Lines
            .GroupBy(l => (l.Year, l.CountryCode, Region: (int)(l.Region ?? 0)))
            .Select(g => new ProjectFinanceShare(g.Key.Year, g.Key.CountryCode, g.Key.Region, g.Sum(l => l.AmountUsd), 0m))]));
        AnnouncedRevision = LinesRevision;
    }

    private static string Money(decimal usd) => string.Create(CultureInfo.InvariantCulture, $"US${usd:N2}");

    // Metadata is for programs: an invariant decimal, no grouping.
    private static string Plain(decimal usd) => usd.ToString("0.00", CultureInfo.InvariantCulture);
}
