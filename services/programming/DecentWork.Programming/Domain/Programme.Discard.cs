using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>Discarding a programme drafted by mistake: the record and its history stay.</summary>
public sealed partial class Programme
{
    public const int MaxDiscardReasonLength = 2000;

    /// <summary>Why it was discarded; empty unless <see cref="ProgrammeStatus.Discarded"/>.</summary>
    public string DiscardReason { get; private set; } = "";

    public DateTimeOffset? DiscardedAt { get; private set; }

    /// <summary>
    /// Only a draft: once consultation has started the constituents have taken part, and what they
    /// said is a record that goes on to quality assurance (or stays in consultation), not a mistake
    /// to discard. Nothing changes a discarded programme afterwards: every other change needs a
    /// status it no longer has.
    /// </summary>
    public void Discard(string reason, Change change)
    {
        EnsureStatus(ProgrammeStatus.Draft, "discard it");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxDiscardReasonLength)
            throw new DomainRuleException($"Discarding a programme needs a reason of 1-{MaxDiscardReasonLength} characters.");
        Status = ProgrammeStatus.Discarded;
        DiscardReason = reason.Trim();
        DiscardedAt = change.At;
        Raise(new ProgrammeDiscarded(Id, CountryCode, DiscardReason, change.At, change.By));
        Record(change, "Discarded", DiscardReason);
    }
}
