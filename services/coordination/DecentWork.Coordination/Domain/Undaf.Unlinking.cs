using DecentWork.ServiceDefaults;

namespace DecentWork.Coordination.Domain;

/// <summary>A link removed from an UNDAF, kept with who removed it, when and why.</summary>
public sealed class RemovedOutcomeLink
{
    public OutcomeLink Link { get; set; } = new();
    public DateTimeOffset RemovedAt { get; set; }
    public string RemovedBy { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed partial class Undaf
{
    public const int MaxReasonLength = 500;

    /// <summary>Links removed by <see cref="Unlink"/>, oldest first: nothing is deleted.</summary>
    public List<RemovedOutcomeLink> RemovedLinks { get; private set; } = [];

    public static bool IsValidReason(string? reason) => reason?.Trim() is { Length: >= 1 and <= MaxReasonLength };

    /// <summary>
    /// Removes the link of a DWCP outcome to one of this UNDAF's outcomes, keeping it in
    /// <see cref="RemovedLinks"/>. No event: no other context consumes these links; the coherence
    /// reports read <see cref="Links"/> and so stop counting it at once. False when that pair is not linked.
    /// </summary>
    public bool Unlink(string undafOutcomeCode, Guid programmeOutcomeId, string reason, string removedBy, DateTimeOffset now)
    {
        if (!IsValidReason(reason))
            throw new DomainRuleException($"Removing a link needs a reason of 1-{MaxReasonLength} characters.");
        var link = Links.FirstOrDefault(l => l.UndafOutcomeCode == undafOutcomeCode && l.ProgrammeOutcomeId == programmeOutcomeId);
        if (link is null) return false;
        Links.Remove(link);
        RemovedLinks.Add(new RemovedOutcomeLink { Link = link, RemovedAt = now, RemovedBy = removedBy, Reason = reason.Trim() });
        return true;
    }
}
