using DecentWork.ServiceDefaults;
namespace DecentWork.Partnerships.Domain;

/// <summary>One step in a project's life: from, to, the day it took effect and why. Settable, for the store's mappers.</summary>
public sealed class ProjectStatusChange
{
    public ProjectStatus From { get; set; }
    public ProjectStatus To { get; set; }
    public DateOnly ChangedOn { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>Who made the change ("Name (subject)" from the token); empty in history kept before it was recorded.</summary>
    public string ChangedBy { get; set; } = "";
}

/// <summary>
/// The IATI activity statuses a project may move between after approval, one named rule per step.
/// Approval itself (pipeline to implementation) is not here: it needs the appraisal and the gender
/// peer review, so only <see cref="Project.Approve"/> takes it. Closed and cancelled are final.
/// </summary>
public static class ProjectTransitions
{
    /// <summary>Finalisation: the work is done, the last reports and payments are outstanding.</summary>
    public static bool CanEnterFinalisation(ProjectStatus from) => from == ProjectStatus.Implementation;

    /// <summary>A project closes once finalised, never straight from implementation.</summary>
    public static bool CanClose(ProjectStatus from) => from == ProjectStatus.Finalisation;

    public static bool CanSuspend(ProjectStatus from) => from == ProjectStatus.Implementation;

    /// <summary>A suspended project resumes into implementation, where it was suspended from.</summary>
    public static bool CanResume(ProjectStatus from) => from == ProjectStatus.Suspended;

    /// <summary>A proposal may be dropped and a running or suspended project stopped; a finalised one is closed instead.</summary>
    public static bool CanCancel(ProjectStatus from) => from is ProjectStatus.Pipeline or ProjectStatus.Implementation or ProjectStatus.Suspended;

    /// <summary>Stopping work, for a while or for good, must say why.</summary>
    public static bool NeedsReason(ProjectStatus to) => to is ProjectStatus.Suspended or ProjectStatus.Cancelled;

    public static bool IsFinal(ProjectStatus status) => status is ProjectStatus.Closed or ProjectStatus.Cancelled or ProjectStatus.Withdrawn;

    /// <summary>Any project not yet closed, cancelled or withdrawn can be withdrawn; only WithdrawProject does it.</summary>
    public static bool CanWithdraw(ProjectStatus from) => !IsFinal(from);

    public static bool IsAllowed(ProjectStatus from, ProjectStatus to) => to switch
    {
        ProjectStatus.Finalisation => CanEnterFinalisation(from),
        ProjectStatus.Closed => CanClose(from),
        ProjectStatus.Suspended => CanSuspend(from),
        ProjectStatus.Implementation => CanResume(from),
        ProjectStatus.Cancelled => CanCancel(from),
        _ => false,
    };

    /// <summary>What the caller can do instead, for the message that refuses the change.</summary>
    public static string Refusal(string code, ProjectStatus from, ProjectStatus to) => (from, to) switch
    {
        _ when from == to => $"Project {code} is already {ProtoNames.Of(from)}.",
        (_, _) when IsFinal(from) => $"Project {code} is {ProtoNames.Of(from)}, which is final; it cannot become {ProtoNames.Of(to)}.",
        (ProjectStatus.Pipeline, ProjectStatus.Implementation) => $"Project {code} is in the pipeline; approve it (ApproveProject) to start implementation.",
        (_, ProjectStatus.Pipeline) => $"Project {code} cannot return to the pipeline once approved.",
        (ProjectStatus.Pipeline, _) => $"Project {code} is in the pipeline; only approval or cancellation can follow.",
        _ => $"Project {code} cannot go from {ProtoNames.Of(from)} to {ProtoNames.Of(to)}; allowed: implementation to finalisation, suspended or cancelled; " +
             "suspended to implementation or cancelled; finalisation to closed.",
    };
}
