using DecentWork.Contracts.Events.Programming;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class ProgrammeStructureTests
{
    [Fact]
    public void AddOutcome_WhenValid_IncrementsContentRevisionAndRaisesNothingBeforeApproval()
    {
        var (programme, outcome) = WithOutcome();

        Assert.Equal(2, programme.ContentRevision);
        Assert.Equal("TZA101", outcome.Code);
        Assert.Equal(1_500_000m, programme.ResourceNeedUsd());
        Assert.DoesNotContain(programme.PendingEvents(), e => e is ProgrammeOutcomeChanged);
    }

    [Fact]
    public void AddOutcome_WhenPriorityIsUnknown_IsNotPossible()
    {
        var programme = Draft();
        var error = Assert.Throws<DomainRuleException>(() =>
            programme.AddOutcome(Guid.NewGuid(), "X1", "Statement", StrategicObjective.Employment, 1m, ByOfficer));
        Assert.Contains("add the priority first", error.Message);
    }

    [Fact]
    public void AddOutcome_WhenCodeIsTakenByAnOutcomeNotWithdrawn_IsNotPossible()
    {
        var (programme, outcome) = WithOutcome();
        var priority = programme.Priorities[0].Id;

        Assert.Throws<DomainRuleException>(() => programme.AddOutcome(priority, "tza101", "Other", StrategicObjective.SocialDialogue, 1m, ByOfficer));
        programme.WithdrawOutcome(outcome.Id, ByOfficer);
        programme.AddOutcome(priority, "TZA101", "Replacement", StrategicObjective.SocialDialogue, 1m, ByOfficer);
    }

    [Theory]
    [InlineData("", "Statement", 1, 1)]
    [InlineData("C1", " ", 1, 1)]
    [InlineData("C1", "Statement", 9, 1)]
    [InlineData("C1", "Statement", 1, -0.01)]
    public void AddOutcome_WhenAFieldIsInvalid_IsNotPossible(string code, string statement, int objective, decimal need)
    {
        var programme = Draft();
        var priority = programme.AddPriority("P", ByOfficer);
        Assert.Throws<DomainRuleException>(() => programme.AddOutcome(priority.Id, code, statement, (StrategicObjective)objective, need, ByOfficer));
    }

    [Fact]
    public void ChangeOutcome_AfterApproval_RaisesProgrammeOutcomeChanged()
    {
        var programme = Approved();
        var outcome = programme.Outcomes[0];

        programme.ChangeOutcome(outcome.Id, "TZA102", "Changed", StrategicObjective.SocialProtection, 2_000_000m, ByOfficer);

        var raised = Assert.IsType<ProgrammeOutcomeChanged>(programme.PendingEvents().Last());
        Assert.False(raised.Withdrawn);
        Assert.Equal(new ProgrammeOutcome(outcome.Id, "TZA102", "Changed", 3, 2_000_000m), raised.Outcome);
    }

    [Fact]
    public void WithdrawOutcome_AfterApproval_RaisesWithdrawnAndNoLongerCountsTheNeed()
    {
        var programme = Approved();
        var outcome = programme.Outcomes[0];

        programme.WithdrawOutcome(outcome.Id, ByOfficer);

        var raised = Assert.IsType<ProgrammeOutcomeChanged>(programme.PendingEvents().Last());
        Assert.True(raised.Withdrawn);
        Assert.Equal(0m, programme.ResourceNeedUsd());
        Assert.Throws<DomainRuleException>(() => programme.WithdrawOutcome(outcome.Id, ByOfficer));
    }

    [Fact]
    public void AddOutcome_AfterApproval_RaisesProgrammeOutcomeChanged()
    {
        var programme = Approved();
        var added = programme.AddOutcome(programme.Priorities[0].Id, "TZA201", "New", StrategicObjective.StandardsAndRights, 5m, ByOfficer);
        var raised = Assert.IsType<ProgrammeOutcomeChanged>(programme.PendingEvents().Last());
        Assert.Equal(new ProgrammeOutcome(added.Id, "TZA201", "New", 1, 5m), raised.Outcome);
        Assert.False(raised.Withdrawn);
        Assert.Equal("TZA", raised.CountryCode);
    }

    [Fact]
    public void AddPriority_WhenCompleted_IsNotPossible()
    {
        var programme = Completed();
        var error = Assert.Throws<DomainRuleException>(() => programme.AddPriority("Late", ByOfficer));
        Assert.Contains("can no longer change", error.Message);
    }

    [Fact]
    public void History_RecordsEveryChangeWithWhoWhenAndTheVersionItProduces()
    {
        var (programme, _) = WithOutcome();

        Assert.Equal(["Registered", "PriorityAdded", "OutcomeAdded"], programme.History.Select(h => h.Action));
        Assert.All(programme.History, h => Assert.Equal("officer@ilo.org", h.ChangedBy));
        Assert.All(programme.History, h => Assert.Equal(Now, h.ChangedAt));
        Assert.All(programme.History, h => Assert.Equal(1, h.Version)); // all before the first save
    }
}
