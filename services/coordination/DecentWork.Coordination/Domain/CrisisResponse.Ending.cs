using DecentWork.ServiceDefaults;

namespace DecentWork.Coordination.Domain;

public sealed partial class CrisisResponse
{
    public const int MaxReasonLength = 500;

    /// <summary>Why <see cref="End"/> ended it; empty when recorded with its end or still going on.</summary>
    public string EndReason { get; private set; } = "";
    public string EndedBy { get; private set; } = "";
    public DateTimeOffset? EndedAt { get; private set; }

    public static bool IsValidReason(string? reason) => reason?.Trim() is { Length: >= 1 and <= MaxReasonLength };

    /// <summary>
    /// Ends a response still going on: on or after its start (a one-day response is possible, as
    /// <see cref="Record"/> allows), not in the future, with a reason kept beside who and when.
    /// </summary>
    public void End(DateOnly endedOn, string reason, string endedBy, DateTimeOffset now)
    {
        if (EndedOn is { } ended)
            throw new DomainRuleException($"Crisis response {Id} already ended on {ended:yyyy-MM-dd}.", "CRISIS_RESPONSE_ENDED");
        if (!IsValidReason(reason))
            throw new DomainRuleException($"Ending a crisis response needs a reason of 1-{MaxReasonLength} characters.");
        if (endedOn < StartedOn)
            throw new DomainRuleException($"A crisis response cannot end ({endedOn:yyyy-MM-dd}) before it starts ({StartedOn:yyyy-MM-dd}).");
        DateRules.EnsureHappened(endedOn, now, "The end of a crisis response");
        EndedOn = endedOn;
        EndReason = reason.Trim();
        EndedBy = endedBy;
        EndedAt = now;
    }
}
