using DecentWork.Contracts.Events.Programming;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

public class KnownProgrammeTests
{
    private static ProgrammeRegistered Registered(string country = "tza") => new(
        Guid.NewGuid(), country, "Africa", "DWCP United Republic of Tanzania",
        new DateOnly(2006, 1, 1), new DateOnly(2010, 12, 31), new DateTimeOffset(2008, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void From_WhenValid_TakesTheProgrammesIdAndNormalisesTheCountry()
    {
        var registered = Registered();

        var programme = KnownProgramme.From(registered);

        Assert.Equal(registered.ProgrammeId, programme.Id);
        Assert.Equal("TZA", programme.CountryCode);
        Assert.Equal(IloRegion.Africa, programme.Region);
        Assert.Equal(registered.Title, programme.Title);
        Assert.Equal((registered.PeriodStart, registered.PeriodEnd), (programme.PeriodStart, programme.PeriodEnd));
        Assert.Equal(registered.RegisteredAt, programme.RegisteredAt);
        Assert.Equal($"TZA|2006-01-01|{registered.ProgrammeId:N}", programme.SortKey);
        Assert.Empty(programme.PendingEvents());
    }

    [Fact]
    public void From_WhenTheEventsRegionDisagrees_DerivesTheRegionFromTheCountry()
    {
        var programme = KnownProgramme.From(Registered("JOR") with { Region = "Africa" });
        Assert.Equal(IloRegion.ArabStates, programme.Region);
    }

    [Fact]
    public void From_WhenCountryIsUnknown_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => KnownProgramme.From(Registered("XXX")));
        Assert.Contains("'XXX'", error.Message);
    }

    [Fact]
    public void From_WhenProgrammeIdIsEmpty_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => KnownProgramme.From(Registered() with { ProgrammeId = Guid.Empty }));
}

/// <summary>The programme view built from ProgrammeApproved and ProgrammeOutcomeChanged, in any order.</summary>
public class KnownProgrammeApprovalTests
{
    private static ProgrammeRegistered RegisteredFor(ProgrammeApproved approved) => new(
        approved.ProgrammeId, approved.CountryCode, "Africa", "DWCP Zambia", new DateOnly(2007, 1, 1), new DateOnly(2011, 12, 31), TestData.ApprovedAt.AddYears(-1));

    [Fact]
    public void From_WhenApprovalArrivesFirst_KnowsCountryAndOutcomesAndRegistrationFillsTheRest()
    {
        var outcome = TestData.Outcome("2.1");
        var approved = TestData.Approved("zmb", outcome);

        var programme = KnownProgramme.From(approved);

        Assert.Equal(("ZMB", (DateOnly?)approved.ApprovedOn, (DateTimeOffset?)approved.ApprovedAt), (programme.CountryCode, programme.ApprovedOn, programme.ApprovedAt));
        var held = Assert.Single(programme.Outcomes);
        Assert.Equal((outcome.OutcomeId, "2.1", outcome.Statement, 2, false), (held.Id, held.Code, held.Statement, held.StrategicObjective, held.Withdrawn));
        Assert.Equal($"ZMB|2008-05-30|{approved.ProgrammeId:N}", programme.SortKey);

        Assert.True(programme.ApplyRegistration(RegisteredFor(approved)));
        Assert.Equal(("DWCP Zambia", $"ZMB|2007-01-01|{approved.ProgrammeId:N}"), (programme.Title, programme.SortKey));
        Assert.False(programme.ApplyRegistration(RegisteredFor(approved) with { Title = "Other" }));
        Assert.Equal("DWCP Zambia", programme.Title);
    }

    [Fact]
    public void Approve_WhenReplayedAfterAWithdrawal_KeepsTheOutcomeWithdrawn()
    {
        var outcome = TestData.Outcome();
        var approved = TestData.Approved("ZMB", outcome);
        var programme = KnownProgramme.From(approved);
        Assert.True(programme.ApplyOutcome(outcome, withdrawn: true, TestData.ApprovedAt.AddDays(1)));

        Assert.False(programme.Approve(approved));
        Assert.True(Assert.Single(programme.Outcomes).Withdrawn);
    }

    [Fact]
    public void Approve_WhenAnOutcomeChangeArrivedFirst_KeepsTheNewerChangeAndAddsTheRest()
    {
        var first = TestData.Outcome("1");
        var second = TestData.Outcome("2");
        var approved = TestData.Approved("ZMB", first, second);
        var programme = KnownProgramme.From(TestData.Approved("ZMB") with { ProgrammeId = approved.ProgrammeId, ApprovedAt = TestData.ApprovedAt.AddDays(-1) });
        programme.ApplyOutcome(first with { Statement = "Changed later" }, withdrawn: false, TestData.ApprovedAt.AddDays(5));

        Assert.True(programme.Approve(approved));

        Assert.Equal(["Changed later", second.Statement], programme.Outcomes.Select(o => o.Statement));
    }

    [Fact]
    public void ApplyOutcome_WhenOlderOrEqualThanTheOneHeld_ChangesNothing()
    {
        var outcome = TestData.Outcome();
        var programme = KnownProgramme.From(TestData.Approved("ZMB", outcome));

        Assert.False(programme.ApplyOutcome(outcome, withdrawn: true, TestData.ApprovedAt));
        Assert.False(programme.ApplyOutcome(outcome, withdrawn: true, TestData.ApprovedAt.AddDays(-1)));
        Assert.False(Assert.Single(programme.Outcomes).Withdrawn);
    }

    [Fact]
    public void ApplyOutcome_WhenTwoChangesArriveOutOfOrder_KeepsTheNewerOne()
    {
        var outcome = TestData.Outcome();
        var programme = KnownProgramme.From(TestData.Approved("ZMB", outcome));
        var withdrawnLater = TestData.ApprovedAt.AddDays(20);
        var changedEarlier = TestData.ApprovedAt.AddDays(10);

        Assert.True(programme.ApplyOutcome(outcome, withdrawn: true, withdrawnLater));
        Assert.False(programme.ApplyOutcome(outcome with { Statement = "Reworded" }, withdrawn: false, changedEarlier));

        var held = Assert.Single(programme.Outcomes);
        Assert.Equal((true, outcome.Statement, withdrawnLater), (held.Withdrawn, held.Statement, held.ChangedAt));
    }

    [Fact]
    public void ApplyOutcome_WhenTheSameChangeIsAppliedTwice_ChangesNothingTheSecondTime()
    {
        var outcome = TestData.Outcome();
        var programme = KnownProgramme.From(TestData.Approved("ZMB", outcome));
        var change = TestData.ApprovedAt.AddDays(3);

        Assert.True(programme.ApplyOutcome(outcome with { Statement = "Reworded" }, withdrawn: false, change));
        Assert.False(programme.ApplyOutcome(outcome with { Statement = "Reworded" }, withdrawn: false, change));
        Assert.Equal("Reworded", Assert.Single(programme.Outcomes).Statement);
    }

    [Fact]
    public void ApplyOutcome_WhenNewAfterApproval_AddsIt()
    {
        var programme = KnownProgramme.From(TestData.Approved("ZMB", TestData.Outcome("1")));
        Assert.True(programme.ApplyOutcome(TestData.Outcome("3"), withdrawn: false, TestData.ApprovedAt.AddDays(2)));
        Assert.Equal(["1", "3"], programme.Outcomes.Select(o => o.Code));
    }

    [Fact]
    public void ApplyOutcome_WhenTheOutcomeHasNoId_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => KnownProgramme.From(TestData.Approved("ZMB"))
            .ApplyOutcome(TestData.Outcome(id: Guid.Empty), withdrawn: false, TestData.ApprovedAt.AddDays(1)));

    [Fact]
    public void From_WhenTheApprovalsCountryIsUnknown_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => KnownProgramme.From(TestData.Approved("XXX")));
}
