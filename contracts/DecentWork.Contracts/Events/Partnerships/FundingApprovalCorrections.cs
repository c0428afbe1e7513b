namespace DecentWork.Contracts.Events.Partnerships;

/// <summary>
/// A recorded funding approval was corrected: its amount and allocations are now these (the whole
/// new state, not a difference, so a consumer can apply it without the earlier events).
/// <paramref name="Revision"/> counts the approval's states (1 when recorded, +1 per correction): a
/// consumer applies an event only over an older revision, so a late or repeated one changes nothing.
/// </summary>
/// <param name="ProgrammesBefore">The programmes the previous revision counted for: a programme the
/// amendment no longer funds gets nothing from this revision, even if this event overtakes the earlier ones.</param>
/// <param name="ChangedBy">Who corrected it, from the caller's access token ("Name (subject)").</param>
public sealed record FundingApprovalAmended(
    Guid ApprovalId,
    Guid PartnerId,
    string PartnerName,
    Guid ProgrammeId,
    decimal AmountUsd,
    int Year,
    int Revision,
    IReadOnlyList<FundingAllocation> Allocations,
    IReadOnlyList<Guid> ProgrammesBefore,
    string Reason,
    DateTimeOffset AmendedAt,
    string? ChangedBy = null);

/// <summary>
/// A recorded funding approval was cancelled: it counts for nothing from <paramref name="Revision"/>
/// on. It stays listed by partnerships (status cancelled) with its history.
/// </summary>
/// <param name="ProgrammesBefore">The programmes the approval counted for until now.</param>
public sealed record FundingApprovalCancelled(
    Guid ApprovalId,
    Guid PartnerId,
    string PartnerName,
    Guid ProgrammeId,
    int Revision,
    IReadOnlyList<Guid> ProgrammesBefore,
    string Reason,
    DateTimeOffset CancelledAt,
    string? ChangedBy = null);

/// <summary>
/// The Office allocated RBSA money from a biennium's pool to a DWCP outcome: it counts for that
/// outcome (and its programme) like any allocation of an approval. Published only for allocations
/// naming an outcome; regional ones fund no programme.
/// </summary>
public sealed record RbsaAllocated(
    Guid AllocationId,
    int BienniumStartYear,
    Guid ProgrammeId,
    Guid OutcomeId,
    decimal AmountUsd,
    DateTimeOffset AllocatedAt,
    string? ChangedBy = null);
