using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;

namespace DecentWork.Partnerships.Domain;

/// <summary>Whether an approval counts. Approvals stored before cancellation existed read as active (0).</summary>
public enum FundingApprovalStatus
{
    Active = 0,
    Cancelled = 1,
}

public enum FundingApprovalCorrectionKind
{
    Amended = 1,
    Cancelled = 2,
}

/// <summary>One correction: why, who, when, and the amount it replaced. Settable, for the store's mappers.</summary>
public sealed class FundingApprovalCorrection
{
    public int Revision { get; set; }
    public FundingApprovalCorrectionKind Kind { get; set; }
    public string Reason { get; set; } = "";
    public string ChangedBy { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public decimal PreviousAmountUsd { get; set; }
}

/// <summary>
/// Corrections that lose nothing: an amendment replaces the amount and allocations, a cancellation
/// makes the approval count nowhere, and both keep the approval listed with the correction's reason
/// and the amount before. The field-by-field history of every aggregate is the store's (ServiceDefaults);
/// what lives here is the revision the events need to be applied in order, and the reason.
/// </summary>
public sealed partial class FundingApproval
{
    public const int MaxReasonLength = 2000;

    public FundingApprovalStatus Status { get; private set; }

    /// <summary>1 when recorded, +1 per correction; 0 only on approvals stored before revisions (read as 1).</summary>
    public int Revision { get; private set; }

    public List<FundingApprovalCorrection> Corrections { get; private set; } = [];

    // Methods, not properties, so that neither BSON mapper persists them as state.
    public int CurrentRevision() => Math.Max(Revision, 1);

    public bool IsCancelled() => Status == FundingApprovalStatus.Cancelled;

    /// <summary>
    /// Replaces the amount and allocations (partner, programme, year and source stay), after the same
    /// rules as a new approval. The caller checked the targets named.
    /// </summary>
    /// <param name="partner">The approval's partner, whose name the event carries.</param>
    public void Amend(decimal amountUsd, IReadOnlyList<Allocation> allocations, string reason, Partner partner, string changedBy, DateTimeOffset now)
    {
        EnsureCorrectable("amended", reason);
        var kept = allocations.Count > 0 ? allocations : OneAllocationMovedTo(amountUsd);
        FundingApprovalRules.Check(amountUsd, Year, new FundingTerms(ProgrammeId == Guid.Empty ? null : ProgrammeId, kept, Source: Source, Earmarking: Earmarking));
        var before = ProgrammesFunded();
        Correct(FundingApprovalCorrectionKind.Amended, reason, changedBy, now);
        AmountUsd = amountUsd;
        if (OriginalCurrency == Usd) OriginalAmount = amountUsd;
        Allocations = [.. kept];
        Raise(new FundingApprovalAmended(Id, PartnerId, partner.Name, ProgrammeId, AmountUsd, Year, Revision,
            [.. Allocations.Select(ToEvent)], [.. before], reason.Trim(), now, changedBy));
    }

    public void Cancel(string reason, Partner partner, string changedBy, DateTimeOffset now)
    {
        EnsureCorrectable("cancelled", reason);
        var before = ProgrammesFunded();
        Correct(FundingApprovalCorrectionKind.Cancelled, reason, changedBy, now);
        Status = FundingApprovalStatus.Cancelled;
        Raise(new FundingApprovalCancelled(Id, PartnerId, partner.Name, ProgrammeId, Revision, [.. before], reason.Trim(), now, changedBy));
    }

    /// <summary>The programmes this state counts for in programming (as FundingApprovedConsumer reads the event).</summary>
    public IReadOnlyList<Guid> ProgrammesFunded() => IsCancelled() ? []
        : ProgrammeId != Guid.Empty ? [ProgrammeId]
        : [.. Allocations.Select(a => a.ProgrammeId).OfType<Guid>().Where(id => id != Guid.Empty).Distinct()];

    private List<Allocation> OneAllocationMovedTo(decimal amountUsd)
    {
        if (Allocations.Count != 1)
            throw new DomainRuleException($"Funding approval {Id} has {Allocations.Count} allocations; give the new allocations with the new amount.");
        var only = Allocations[0];
        return [new Allocation
        {
            Region = only.Region, CountryCode = only.CountryCode, ProgrammeId = only.ProgrammeId, OutcomeId = only.OutcomeId,
            StrategicObjective = only.StrategicObjective, Theme = only.Theme, ImplementingUnit = only.ImplementingUnit, AmountUsd = amountUsd,
        }];
    }

    private void EnsureCorrectable(string step, string reason)
    {
        if (IsCancelled())
            throw new DomainRuleException($"Funding approval {Id} is cancelled; a cancelled approval cannot be {step}.");
        if (reason.Trim().Length is 0 or > MaxReasonLength)
            throw new DomainRuleException($"A funding approval can only be {step} with a reason of 1-{MaxReasonLength} characters.");
    }

    private void Correct(FundingApprovalCorrectionKind kind, string reason, string changedBy, DateTimeOffset now)
    {
        Revision = CurrentRevision() + 1;
        Corrections.Add(new FundingApprovalCorrection
        {
            Revision = Revision, Kind = kind, Reason = reason.Trim(), ChangedBy = changedBy, ChangedAt = now, PreviousAmountUsd = AmountUsd,
        });
    }
}
