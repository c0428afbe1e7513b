using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

/// <summary>Rules on UNDAF outcomes, status and links.</summary>
public class UndafLifecycleTests
{
    private static readonly Country Tanzania = Countries.ByCode["TZA"];
    private static readonly DateTimeOffset Now = new(2008, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static Undaf Active(params string[] codes) =>
        Undaf.Register(Tanzania, 2007, 2010, Now, TestData.UndafOutcomes(codes), UndafStatus.Active);

    private static (KnownProgramme Programme, Guid OutcomeId) Approved(string country = "TZA")
    {
        var outcome = TestData.Outcome();
        return (KnownProgramme.From(TestData.Approved(country, outcome)), outcome.OutcomeId);
    }

    [Fact]
    public void Register_WhenOutcomesStatusAndFlagAreGiven_KeepsThemTrimmed()
    {
        var undaf = Undaf.Register(Tanzania, 2007, 2010, Now,
            [new UndafOutcome { Code = "2.3", Statement = "  Decent employment  " }], UndafStatus.RollOut, decentWorkSpecificObjective: true);

        Assert.Equal("Decent employment", Assert.Single(undaf.Outcomes).Statement);
        Assert.Equal(UndafStatus.RollOut, undaf.Status);
        Assert.True(undaf.DecentWorkSpecificObjective);
        Assert.Empty(undaf.Links);
    }

    [Fact]
    public void Register_WhenNothingNewIsGiven_IsInPreparationWithoutOutcomes()
    {
        var undaf = Undaf.Register(Tanzania, 2007, 2010, Now);
        Assert.Equal((UndafStatus.InPreparation, false), (undaf.Status, undaf.DecentWorkSpecificObjective));
        Assert.Empty(undaf.Outcomes);
    }

    [Fact]
    public void Register_WhenAnOutcomeCodeIsGivenTwice_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => Undaf.Register(Tanzania, 2007, 2010, Now, TestData.UndafOutcomes("1", "1")));
        Assert.Contains("'1'", error.Message);
    }

    [Theory]
    [InlineData("", "Statement")]
    [InlineData("1 1", "Statement")]
    [InlineData("123456789012345678901", "Statement")]
    [InlineData("1", " ")]
    public void Register_WhenAnOutcomeIsMalformed_IsNotPossible(string code, string statement) =>
        Assert.Throws<DomainRuleException>(() => Undaf.Register(Tanzania, 2007, 2010, Now, [new UndafOutcome { Code = code, Statement = statement }]));

    [Fact]
    public void Register_WhenThereAreMoreThanFiftyOutcomes_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Undaf.Register(Tanzania, 2007, 2010, Now,
            TestData.UndafOutcomes(Enumerable.Range(1, 51).Select(i => i.ToString()).ToArray())));

    [Fact]
    public void ChangeStatus_WhenForwardOrSkipping_MovesOn()
    {
        var undaf = Undaf.Register(Tanzania, 2007, 2010, Now);
        Assert.True(undaf.ChangeStatus(UndafStatus.RollOut));
        Assert.True(undaf.ChangeStatus(UndafStatus.Closed));
        Assert.Equal(UndafStatus.Closed, undaf.Status);
    }

    [Fact]
    public void ChangeStatus_WhenAlreadyInThatStatus_ChangesNothing() =>
        Assert.False(Active().ChangeStatus(UndafStatus.Active));

    [Fact]
    public void ChangeStatus_WhenBackwards_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => Active().ChangeStatus(UndafStatus.RollOut));
        Assert.Contains("cannot go back", error.Message);
    }

    [Fact]
    public void Link_WhenValid_AddsTheLinkOnce()
    {
        var undaf = Active("1", "2");
        var (programme, outcomeId) = Approved();

        Assert.True(undaf.Link("2", programme, outcomeId, Now));
        Assert.False(undaf.Link("2", programme, outcomeId, Now));
        Assert.True(undaf.Link("1", programme, outcomeId, Now)); // the same DWCP outcome may serve two UNDAF outcomes

        var link = undaf.Links[0];
        Assert.Equal(("2", programme.Id, outcomeId, Now), (link.UndafOutcomeCode, link.ProgrammeId, link.ProgrammeOutcomeId, link.LinkedAt));
        Assert.Equal(2, undaf.Links.Count);
    }

    [Fact]
    public void Link_WhenTheUndafIsClosed_IsNotPossible()
    {
        var undaf = Active("1");
        undaf.ChangeStatus(UndafStatus.Closed);
        var (programme, outcomeId) = Approved();
        Assert.Contains("closed", Assert.Throws<DomainRuleException>(() => undaf.Link("1", programme, outcomeId, Now)).Message);
    }

    [Fact]
    public void Link_WhenTheUndafHasNoSuchOutcome_IsNotPossible()
    {
        var (programme, outcomeId) = Approved();
        Assert.Contains("no outcome '9'", Assert.Throws<DomainRuleException>(() => Active("1").Link("9", programme, outcomeId, Now)).Message);
    }

    [Fact]
    public void Link_WhenTheProgrammeIsInAnotherCountry_IsNotPossible()
    {
        var (programme, outcomeId) = Approved("KEN");
        Assert.Contains("KEN", Assert.Throws<DomainRuleException>(() => Active("1").Link("1", programme, outcomeId, Now)).Message);
    }

    [Fact]
    public void Link_WhenTheOutcomeIsUnknown_IsNotPossible()
    {
        var (programme, _) = Approved();
        Assert.Contains("not heard of outcome", Assert.Throws<NotKnownYetException>(() => Active("1").Link("1", programme, Guid.NewGuid(), Now)).Message);
    }

    [Fact]
    public void Link_WhenTheOutcomeWasWithdrawn_IsNotPossible()
    {
        var outcome = TestData.Outcome();
        var approved = TestData.Approved("TZA", outcome);
        var programme = KnownProgramme.From(approved);
        programme.ApplyOutcome(outcome, withdrawn: true, TestData.ApprovedAt.AddDays(1));

        Assert.Contains("withdrawn", Assert.Throws<DomainRuleException>(() => Active("1").Link("1", programme, outcome.OutcomeId, Now)).Message);
    }
}

public class UndafAddOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2008, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static Undaf InPreparation() => Undaf.Register(Countries.ByCode["TZA"], 2007, 2010, Now);

    [Fact]
    public void AddOutcome_WhenNew_AppendsItTrimmed()
    {
        var undaf = InPreparation();
        undaf.AddOutcome(new UndafOutcome { Code = "1", Statement = " Employment " });
        undaf.AddOutcome(new UndafOutcome { Code = "2", Statement = "Protection" });
        Assert.Equal(["1", "2"], undaf.Outcomes.Select(o => o.Code));
        Assert.Equal("Employment", undaf.Outcomes[0].Statement);
    }

    [Fact]
    public void AddOutcome_WhenTheCodeIsTaken_IsNotPossible()
    {
        var undaf = InPreparation();
        undaf.AddOutcome(new UndafOutcome { Code = "1", Statement = "Employment" });
        Assert.Throws<DomainRuleException>(() => undaf.AddOutcome(new UndafOutcome { Code = "1", Statement = "Again" }));
    }

    [Fact]
    public void AddOutcome_WhenClosed_IsNotPossible()
    {
        var undaf = InPreparation();
        undaf.ChangeStatus(UndafStatus.Closed);
        Assert.Contains("closed", Assert.Throws<DomainRuleException>(() => undaf.AddOutcome(new UndafOutcome { Code = "1", Statement = "Late" })).Message);
    }
}
