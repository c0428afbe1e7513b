using DecentWork.Contracts.Events.Programming;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class ProgrammeDiscardTests
{
    [Fact]
    public void Discard_WhenDraft_KeepsTheRecordWithItsReasonHistoryAndEvent()
    {
        var (programme, _) = WithOutcome();

        programme.Discard("  Registered twice; the other draft is kept ", ByOfficer);

        Assert.Equal(ProgrammeStatus.Discarded, programme.Status);
        Assert.Equal("Registered twice; the other draft is kept", programme.DiscardReason);
        Assert.Equal(Now, programme.DiscardedAt);
        Assert.Equal(("Discarded", "Registered twice; the other draft is kept"), (programme.History[^1].Action, programme.History[^1].Detail));
        Assert.True(programme.History.Count > 1);
        var discarded = Assert.IsType<ProgrammeDiscarded>(programme.PendingEvents()[^1]);
        Assert.Equal((programme.Id, "TZA"), (discarded.ProgrammeId, discarded.CountryCode));
    }

    [Fact]
    public void Discard_WhenConsultationHasStarted_IsNotPossible()
    {
        var programme = Consulted();
        Assert.Throws<DomainRuleException>(() => programme.Discard("mistake", ByOfficer));
        Assert.Throws<DomainRuleException>(() => Approved().Discard("mistake", ByOfficer));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Discard_WithoutAReason_IsNotPossible(string reason)
    {
        var programme = Draft();
        Assert.Throws<DomainRuleException>(() => programme.Discard(reason, ByOfficer));
        Assert.Equal(ProgrammeStatus.Draft, programme.Status);
    }

    [Fact]
    public void Changes_AfterDiscard_AreNotPossible()
    {
        var (programme, outcome) = WithOutcome();
        programme.Discard("mistake", ByOfficer);

        Assert.Throws<DomainRuleException>(() => programme.AddPriority("More", ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.StartConsultation(ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.SetSteeringCommittee("Committee", AllThreeGroups(), ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.WithdrawOutcome(outcome.Id, ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.Discard("again", ByOfficer));
    }

    [Fact]
    public void ProgrammesByStatusReport_WhenAProgrammeIsDiscarded_LeavesItOut()
    {
        var kept = Draft();
        var discarded = Draft();
        discarded.Discard("mistake", ByOfficer);

        var report = ProgrammesByStatusReport.From(new ProgrammesByStatusProjection().BucketsOf([kept, discarded]));

        Assert.Equal(1, report.TotalProgrammes);
        Assert.DoesNotContain(report.Rows, r => r.Status == ProgrammeStatus.Discarded);
    }
}
