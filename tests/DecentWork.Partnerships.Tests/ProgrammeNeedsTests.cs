using DecentWork.Contracts.Events.Programming;
using DecentWork.Partnerships.Domain;

namespace DecentWork.Partnerships.Tests;

public class ProgrammeNeedsTests
{
    private static readonly DateTimeOffset Approved = new(2008, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly ProgrammeOutcome Jobs = new(Guid.NewGuid(), "ZMB 102", "More youth jobs", 2, 3_000_000m);
    private static readonly ProgrammeOutcome Rights = new(Guid.NewGuid(), "ZMB 101", "Child labour", 1, 1_000_000m);

    private static ProgrammeNeeds View() => ProgrammeNeeds.FromApproval(
        new ProgrammeApproved(Guid.NewGuid(), "ZMB", "Africa", new DateOnly(2008, 1, 10), [Jobs, Rights], Approved));

    [Fact]
    public void FromApproval_SumsTheOutcomesNeedsInCodeOrder()
    {
        var view = View();
        Assert.Equal(4_000_000m, view.ResourceNeed());
        Assert.Equal(["ZMB 101", "ZMB 102"], view.Current().Select(o => o.Code));
    }

    [Fact]
    public void Apply_WhenWithdrawnOrChanged_UpdatesTheNeedAndIgnoresOlderChanges()
    {
        var view = View();
        Assert.True(view.Apply(Jobs with { ResourceNeedUsd = 5_000_000m }, false, Approved.AddDays(2)));
        Assert.False(view.Apply(Jobs with { ResourceNeedUsd = 1m }, false, Approved.AddDays(1)));
        Assert.True(view.Apply(Rights, true, Approved.AddDays(3)));
        Assert.Equal(5_000_000m, view.ResourceNeed());
    }

    [Fact]
    public void ProgrammeFunding_CountsApprovalsForTheProgrammeInFullAndOthersByAllocation()
    {
        var now = Approved;
        var partner = Partner.Register("EU", PartnerCategory.EuropeanUnion, now);
        var programme = Guid.NewGuid();
        var mine = FundingApproval.Record(partner, 100m, 2008, new FundingTerms(programme,
            [new Allocation { ProgrammeId = programme, OutcomeId = Jobs.OutcomeId, AmountUsd = 60m }, new Allocation { AmountUsd = 40m }]), now);
        var shared = FundingApproval.Record(partner, 30m, 2008, new FundingTerms(null,
            [new Allocation { ProgrammeId = programme, AmountUsd = 10m }, new Allocation { ProgrammeId = Guid.NewGuid(), AmountUsd = 20m }]), now);
        var other = FundingApproval.Record(partner, Guid.NewGuid(), 999m, 2008, now);

        Assert.Equal(110m, ProgrammeFunding.Approved(programme, [mine, shared, other]));
        Assert.Equal(60m, ProgrammeFunding.AllocatedTo(Jobs.OutcomeId, [mine, shared, other]));
    }
}
