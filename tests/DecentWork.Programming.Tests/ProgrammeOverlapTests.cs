using DecentWork.Contracts.Events.Programming;
using DecentWork.Programming.Domain;
using DecentWork.Programming.Storage;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

/// <summary>The approval slot that makes the overlap rule hold when approvals race.</summary>
public class ProgrammeOverlapTests
{
    [Fact]
    public void Register_GivesAnUnapprovedSlotOfItsOwn()
    {
        var first = Draft();
        var second = Draft();

        Assert.Equal($"TZA|unapproved|{first.Id:N}", first.ApprovalSlot);
        Assert.NotEqual(first.ApprovalSlot, second.ApprovalSlot);
        Assert.Equal(0, first.ApprovalSequence);
    }

    [Fact]
    public void Approve_TakesTheSlotAfterTheLastApprovalInTheCountry()
    {
        var programme = Signed();

        programme.Approve([], 26, ByOfficer);

        Assert.Equal(27, programme.ApprovalSequence);
        Assert.Equal("TZA|000027", programme.ApprovalSlot);
    }

    [Fact]
    public void Approve_WhenTwoApprovalsReadTheSameState_ClaimTheSameSlot()
    {
        // What two concurrent ApproveProgramme calls compute: the store's unique index then refuses the second.
        var first = Signed();
        var second = Signed();

        first.Approve([], 3, ByOfficer);
        second.Approve([], 3, ByOfficer);

        Assert.Equal(first.ApprovalSlot, second.ApprovalSlot);
    }

    [Fact]
    public void Approve_WhenTheLastSequenceIsNegative_IsNotPossibleAndChangesNothing()
    {
        var programme = Signed();

        Assert.Throws<DomainRuleException>(() => programme.Approve([], -1, ByOfficer));

        Assert.Equal(ProgrammeStatus.UnderQualityAssurance, programme.Status);
        Assert.DoesNotContain(programme.PendingEvents(), e => e is ProgrammeApproved);
    }

    [Fact]
    public void Approve_WhenAnOverlappingProgrammeIsApproved_IsNotPossibleAndTakesNoSlot()
    {
        var approved = Approved();
        var programme = Signed();

        var error = Assert.Throws<DomainRuleException>(() => programme.Approve([approved], 1, ByOfficer));

        Assert.Contains($"already has programme {approved.Id} (PROGRAMME_STATUS_APPROVED", error.Message);
        Assert.Equal(0, programme.ApprovalSequence);
        Assert.StartsWith("TZA|unapproved|", programme.ApprovalSlot);
    }

    [Fact]
    public void BackfillApprovalSlot_WhenTheSlotIsAlreadySet_ChangesNothing()
    {
        var programme = Approved();
        var slot = programme.ApprovalSlot;

        Assert.False(programme.BackfillApprovalSlot(9));
        Assert.Equal(slot, programme.ApprovalSlot);
    }

    [Fact]
    public void ApprovalSlotBackfill_NumbersOlderApprovalsPerCountryAfterTheSlotsTaken()
    {
        // Programmes stored before slots existed have an empty slot, as LiteDB or MongoDB load them.
        var old = Enumerable.Range(0, 3).Select(_ => Approved()).ToList();
        var draft = Draft();
        var current = Signed();
        current.Approve([], 4, ByOfficer);
        foreach (var p in old.Append(draft)) ForgetSlot(p);

        var plan = ProgrammeKeyBackfill.Plan([.. old, draft, current]).ToList();
        foreach (var (p, sequence) in plan) p.BackfillApprovalSlot(sequence);

        Assert.Equal(4, plan.Count);
        Assert.Equal([6, 7, 8], old.OrderBy(p => p.Id).Select(p => p.ApprovalSequence));
        Assert.Equal($"TZA|unapproved|{draft.Id:N}", draft.ApprovalSlot);
        Assert.Equal(5, current.ApprovalSequence);
        Assert.Equal(5, new[] { old[0], old[1], old[2], draft, current }.Select(p => p.ApprovalSlot).Distinct().Count());
    }

    private static void ForgetSlot(Programme programme)
    {
        typeof(Programme).GetProperty(nameof(Programme.ApprovalSlot))!.SetValue(programme, "");
        typeof(Programme).GetProperty(nameof(Programme.ApprovalSequence))!.SetValue(programme, 0);
    }
}
