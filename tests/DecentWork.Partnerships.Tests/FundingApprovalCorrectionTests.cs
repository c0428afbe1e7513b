using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Tests;

/// <summary>Amend and cancel on the aggregate, and what the report projections make of them.</summary>
public class FundingApprovalCorrectionTests
{
    private static readonly DateTimeOffset Now = new(2008, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Partner Norway = Partner.Register("Norway", PartnerCategory.BilateralGovernment, Now);

    private static FundingApproval Approval(params Allocation[] allocations) =>
        FundingApproval.Record(Norway, allocations.Sum(a => a.AmountUsd), 2007, new FundingTerms(null, allocations), Now);

    private static Allocation To(Guid programme, decimal amount, int? objective = null) =>
        new() { ProgrammeId = programme, AmountUsd = amount, StrategicObjective = objective };

    [Fact]
    public void Amend_WhenValid_ReplacesTheAmountKeepsTheEarlierOneAndRaisesTheNewStateWithItsRevision()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var approval = Approval(To(a, 600m), To(b, 400m));

        approval.Amend(700m, [To(a, 700m)], " exchange rate corrected ", Norway, "Officer (hq-1)", Now.AddDays(1));

        Assert.Equal((700m, 2, FundingApprovalStatus.Active), (approval.AmountUsd, approval.CurrentRevision(), approval.Status));
        var correction = Assert.Single(approval.Corrections);
        Assert.Equal((2, FundingApprovalCorrectionKind.Amended, "exchange rate corrected", "Officer (hq-1)", 1_000m),
            (correction.Revision, correction.Kind, correction.Reason, correction.ChangedBy, correction.PreviousAmountUsd));
        var amended = Assert.IsType<FundingApprovalAmended>(approval.PendingEvents()[^1]);
        Assert.Equal((700m, 2, "exchange rate corrected"), (amended.AmountUsd, amended.Revision, amended.Reason));
        // B was funded by the previous revision: the event names it so programming stops counting it.
        Assert.Equal([a, b], amended.ProgrammesBefore);
    }

    [Fact]
    public void Amend_WhenTheApprovalHasOneAllocationAndNoneAreGiven_MovesItToTheNewAmount()
    {
        var approval = FundingApproval.Record(Norway, Guid.NewGuid(), 1_000m, 2007, Now);

        approval.Amend(1_250m, [], "second tranche", Norway, "Officer", Now);

        Assert.Equal(1_250m, Assert.Single(approval.Allocations).AmountUsd);
    }

    [Fact]
    public void Amend_WhenSeveralAllocationsAndNoneAreGiven_IsRefused()
    {
        var approval = Approval(To(Guid.NewGuid(), 1m), To(Guid.NewGuid(), 2m));

        Assert.Throws<DomainRuleException>(() => approval.Amend(5m, [], "why", Norway, "Officer", Now));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("")]
    public void Amend_WhenNoReasonIsGiven_IsRefused(string reason)
    {
        var approval = FundingApproval.Record(Norway, Guid.NewGuid(), 1_000m, 2007, Now);

        Assert.Throws<DomainRuleException>(() => approval.Amend(900m, [], reason, Norway, "Officer", Now));
        Assert.Throws<DomainRuleException>(() => approval.Cancel(reason, Norway, "Officer", Now));
    }

    [Fact]
    public void Amend_WhenTheAllocationsDoNotAddUp_IsRefusedAndChangesNothing()
    {
        var approval = FundingApproval.Record(Norway, Guid.NewGuid(), 1_000m, 2007, Now);

        Assert.Throws<DomainRuleException>(() => approval.Amend(900m, [new Allocation { AmountUsd = 800m }], "why", Norway, "Officer", Now));
        Assert.Equal((1_000m, 1, 0), (approval.AmountUsd, approval.CurrentRevision(), approval.Corrections.Count));
    }

    [Fact]
    public void Amend_WhenTheApprovalIsCancelled_IsNotPossible()
    {
        var approval = FundingApproval.Record(Norway, Guid.NewGuid(), 1_000m, 2007, Now);
        approval.Cancel("recorded twice", Norway, "Officer", Now);

        Assert.Throws<DomainRuleException>(() => approval.Amend(900m, [], "late correction", Norway, "Officer", Now));
        Assert.Throws<DomainRuleException>(() => approval.Cancel("again", Norway, "Officer", Now));
    }

    [Fact]
    public void Cancel_WhenActive_CountsNowhereButKeepsTheApprovalAndRaisesTheRevision()
    {
        var programme = Guid.NewGuid();
        var approval = FundingApproval.Record(Norway, programme, 1_000m, 2007, Now);

        approval.Cancel("recorded twice", Norway, "Officer", Now);

        var cancelled = Assert.IsType<FundingApprovalCancelled>(approval.PendingEvents()[^1]);
        Assert.Equal((2, "recorded twice"), (cancelled.Revision, cancelled.Reason));
        Assert.Equal([programme], cancelled.ProgrammesBefore);
        Assert.Equal(1_000m, approval.AmountUsd);
        Assert.Empty(new FundingApprovalTotals().BucketsOf([approval]));
        Assert.Empty(new ProgrammeFundingTotals().BucketsOf([approval]));
        Assert.Empty(new FundingAllocationTotals().BucketsOf([approval]));
    }

    [Fact]
    public void Contribute_WhenAllocationsNameObjectivesThemesAndUnits_TotalsEachOncePerApproval()
    {
        var approval = Approval(
            new Allocation { AmountUsd = 100m, StrategicObjective = 1, Theme = AllocationTheme.SocialPartnersCapacity, ImplementingUnit = "ACTEMP" },
            new Allocation { AmountUsd = 50m, StrategicObjective = 1, ImplementingUnit = "ACTRAV" },
            new Allocation { AmountUsd = 25m, StrategicObjective = 4 });

        var totals = AllocationTotal.From(new FundingAllocationTotals().BucketsOf([approval])).ToList();

        Assert.Equal([("1", 150m, 1), ("4", 25m, 1)], Rows(totals, FundingAllocationTotals.Objectives));
        Assert.Equal([("00", 75m, 1), ("01", 100m, 1)], Rows(totals, FundingAllocationTotals.Themes));
        Assert.Equal([("", 25m, 1), ("ACTEMP", 100m, 1), ("ACTRAV", 50m, 1)], Rows(totals, FundingAllocationTotals.Units));
    }

    [Fact]
    public void Contribute_AfterAnAmendment_MovesTheTotalsToTheNewAllocations()
    {
        var approval = Approval(new Allocation { AmountUsd = 100m, StrategicObjective = 1 });
        var before = new FundingAllocationTotals().BucketsOf([approval]);

        approval.Amend(80m, [new Allocation { AmountUsd = 80m, StrategicObjective = 2 }], "moved to employment", Norway, "Officer", Now);
        var after = AllocationTotal.From(new FundingAllocationTotals().BucketsOf([approval])).ToList();

        Assert.Equal(100m, Assert.Single(AllocationTotal.From(before), t => t.Group == "1").AmountUsd);
        Assert.Equal([("2", 80m, 1)], Rows(after, FundingAllocationTotals.Objectives));
    }

    private static List<(string, decimal, int)> Rows(List<AllocationTotal> totals, string family) =>
        [.. FundingReports.ByAllocationGroup(totals.Where(t => t.Family == family)).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (r.Key, r.AmountUsd, r.ApprovalCount))];
}
