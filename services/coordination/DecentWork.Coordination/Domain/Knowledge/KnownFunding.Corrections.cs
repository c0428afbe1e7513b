using DecentWork.Contracts.Events.Partnerships;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>
/// Amendments and cancellations of the approval, applied in revision order whatever order they
/// arrive in: each event carries the approval's whole new state and its revision (1 when recorded,
/// +1 per correction), and one not newer than the state held changes nothing. A correction that
/// overtakes the approval's FundingApproved creates the view at its revision, so the late
/// FundingApproved (added once, by id) finds it and adds nothing.
/// </summary>
public sealed partial class KnownFunding
{
    /// <summary>The approval's revision this view holds; 0 on views stored before corrections (read as 1).</summary>
    public int Revision { get; private set; }

    public bool Cancelled { get; private set; }

    // A method, not a property, so that neither BSON mapper persists it as state.
    public int CurrentRevision() => Math.Max(Revision, 1);

    public static KnownFunding FromAmendment(FundingApprovalAmended amended, Func<Guid, string?> countryOfProgramme)
    {
        var funding = new KnownFunding { Id = amended.ApprovalId };
        funding.Take(amended, countryOfProgramme);
        return funding;
    }

    public static KnownFunding FromCancellation(FundingApprovalCancelled cancelled)
    {
        var funding = new KnownFunding { Id = cancelled.ApprovalId };
        funding.Take(cancelled);
        return funding;
    }

    /// <summary>Takes the amended shares; false (nothing changed) when the event is not newer than what is held.</summary>
    public bool Amend(FundingApprovalAmended amended, Func<Guid, string?> countryOfProgramme)
    {
        if (!IsNewer(amended.Revision)) return false;
        Take(amended, countryOfProgramme);
        return true;
    }

    /// <summary>Counts for nothing from now on; false when the event is not newer than what is held.</summary>
    public bool Cancel(FundingApprovalCancelled cancelled)
    {
        if (!IsNewer(cancelled.Revision)) return false;
        Take(cancelled);
        return true;
    }

    // Cancellation is final: nothing after it counts.
    private bool IsNewer(int revision) => !Cancelled && revision > CurrentRevision();

    private void Take(FundingApprovalAmended amended, Func<Guid, string?> countryOfProgramme)
    {
        Shares = SharesOf(amended.ApprovalId, amended.ProgrammeId, amended.AmountUsd, amended.Allocations, countryOfProgramme);
        Year = amended.Year;
        Revision = amended.Revision;
    }

    private void Take(FundingApprovalCancelled cancelled)
    {
        Shares = [];
        Cancelled = true;
        Revision = cancelled.Revision;
    }
}
