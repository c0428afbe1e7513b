using DecentWork.Contracts.Events.Programming;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;

namespace DecentWork.Partnerships.Tests;

/// <summary>The programmes and outcomes an approval may name: those programming announced to partnerships.</summary>
public class FundingTargetsTests
{
    private static readonly DateTimeOffset Approved = new(2008, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ProgrammeOutcome Jobs = new(Guid.NewGuid(), "ZMB 102", "More youth jobs", 2, 3_000_000m);
    private static readonly ProgrammeOutcome Rights = new(Guid.NewGuid(), "ZMB 101", "Child labour", 1, 1_000_000m);

    private static ProgrammeRegistered Registration(string country = "ZMB") =>
        new(Guid.NewGuid(), country, "Africa", "DWCP Zambia", new DateOnly(2007, 1, 1), new DateOnly(2011, 12, 31), Approved.AddMonths(-6));

    private static ProgrammeApproved Approval(Guid programmeId, params ProgrammeOutcome[] outcomes) =>
        new(programmeId, "ZMB", "Africa", new DateOnly(2008, 3, 1), outcomes, Approved);

    private static ProgrammeNeeds ApprovedZambia()
    {
        var view = ProgrammeNeeds.FromRegistration(Registration());
        view.Approve(Approval(view.Id, Jobs, Rights));
        return view;
    }

    private static Allocation Part(Guid? programme = null, Guid? outcome = null, string? country = null) =>
        new() { ProgrammeId = programme, OutcomeId = outcome, CountryCode = country, AmountUsd = 1m };

    [Fact]
    public void FromRegistration_IsKnownWithItsCountryButAwaitsItsApproval()
    {
        var registered = Registration("zmb");
        var view = ProgrammeNeeds.FromRegistration(registered);
        Assert.Equal((registered.ProgrammeId, "ZMB", true, 0), (view.Id, view.CountryCode, view.AwaitingApproval, view.Outcomes.Count));
    }

    [Fact]
    public void Approve_WhenRegisteredFirst_RecordsTheOutcomesOnceAndEndsTheWait()
    {
        var view = ProgrammeNeeds.FromRegistration(Registration());
        var approval = Approval(view.Id, Jobs, Rights);

        Assert.True(view.Approve(approval));
        Assert.False(view.Approve(approval)); // a redelivery changes nothing
        Assert.Equal((false, 4_000_000m), (view.AwaitingApproval, view.ResourceNeed()));
    }

    [Fact]
    public void Approve_WhenAnOutcomeChangedLater_KeepsTheNewerChange()
    {
        var view = ProgrammeNeeds.FromRegistration(Registration());
        view.Apply(Jobs, withdrawn: true, Approved.AddDays(5)); // the change overtook the approval
        view.Approve(Approval(view.Id, Jobs, Rights));
        Assert.True(view.Outcomes.Single(o => o.OutcomeId == Jobs.OutcomeId).Withdrawn);
    }

    [Fact]
    public void Apply_KeepsChangeTimesToTheMillisecond_SoARedeliveryReadBackFromTheStoreIsNotNewer()
    {
        var view = ProgrammeNeeds.FromRegistration(Registration());
        var at = Approved.AddTicks(1234); // finer than the stores keep
        Assert.True(view.Apply(Jobs, withdrawn: false, at));
        Assert.Equal(Approved, view.Outcomes.Single().ChangedAt); // as the store gives it back
        Assert.False(view.Apply(Jobs, withdrawn: false, at));
        Assert.True(view.Apply(Jobs, withdrawn: true, at.AddMilliseconds(1)));
    }

    [Fact]
    public void FundableOutcome_WhenTheOutcomeIsNotTheProgrammes_FailsNamingItAndTheApproval()
    {
        var view = ApprovedZambia();
        var other = Guid.NewGuid();
        var error = Assert.ThrowsAny<DomainRuleException>(() => view.FundableOutcome(other));
        Assert.Contains($"Outcome '{other}' is not an outcome of programme '{view.Id}'", error.Message);
        Assert.Contains("when its programme is approved", error.Message);
        Assert.Equal("ZMB 102", view.FundableOutcome(Jobs.OutcomeId).Code);
    }

    [Fact]
    public void FundableOutcome_WhenWithdrawn_FailsNamingTheOutcome()
    {
        var view = ApprovedZambia();
        view.Apply(Rights, withdrawn: true, Approved.AddDays(1));
        var error = Assert.ThrowsAny<DomainRuleException>(() => view.FundableOutcome(Rights.OutcomeId));
        Assert.Contains("Outcome 'ZMB 101'", error.Message);
        Assert.Contains("was withdrawn", error.Message);
    }

    [Fact]
    public void FundableOutcome_WhenOnlyRegistered_FailsBecauseOutcomesComeWithTheApproval()
    {
        var view = ProgrammeNeeds.FromRegistration(Registration());
        Assert.ThrowsAny<DomainRuleException>(() => view.FundableOutcome(Jobs.OutcomeId));
    }

    [Fact]
    public void CheckProgrammesKnown_WhenAnAllocationNamesAnUnknownProgramme_FailsSayingProgrammingHasNotAnnouncedIt()
    {
        var zambia = ApprovedZambia();
        var unknown = Guid.NewGuid();
        var targets = new FundingTargets([zambia]);

        targets.CheckProgrammesKnown(new FundingTerms(zambia.Id, [Part(zambia.Id)]));
        var error = Assert.ThrowsAny<DomainRuleException>(() => targets.CheckProgrammesKnown(new FundingTerms(null, [Part(zambia.Id), Part(unknown)])));
        Assert.Contains($"Programme '{unknown}' is not known to partnerships: programming has not announced it (yet)", error.Message);
        Assert.Contains("within moments", error.Message);
        Assert.ThrowsAny<DomainRuleException>(() => targets.CheckProgrammesKnown(new FundingTerms(unknown, [])));
    }

    [Fact]
    public void CheckOutcomesFundable_ChecksEachOutcomeAgainstItsAllocationsOrTheApprovalsProgramme()
    {
        var zambia = ApprovedZambia();
        var kenya = ProgrammeNeeds.FromApproval(Approval(Guid.NewGuid(), new ProgrammeOutcome(Guid.NewGuid(), "KEN 101", "Jobs", 2, 1m)) with { CountryCode = "KEN" });
        var targets = new FundingTargets([zambia, kenya]);
        var kenyan = kenya.Outcomes[0].OutcomeId;

        targets.CheckOutcomesFundable(new FundingTerms(zambia.Id, [Part(outcome: Jobs.OutcomeId), Part(zambia.Id, Rights.OutcomeId)]));
        targets.CheckOutcomesFundable(new FundingTerms(null, [Part(kenya.Id, kenyan), Part(outcome: Jobs.OutcomeId)])); // alone: found by the outcome
        Assert.ThrowsAny<DomainRuleException>(() => targets.CheckOutcomesFundable(new FundingTerms(zambia.Id, [Part(outcome: kenyan)])));
        Assert.ThrowsAny<DomainRuleException>(() => targets.CheckOutcomesFundable(new FundingTerms(null, [Part(kenya.Id, Jobs.OutcomeId)])));
        var alone = Guid.NewGuid();
        var error = Assert.ThrowsAny<DomainRuleException>(() => targets.CheckOutcomesFundable(new FundingTerms(null, [Part(outcome: alone)])));
        Assert.Contains($"Outcome '{alone}' is not an outcome of any programme partnerships knows", error.Message);
    }

    [Fact]
    public void CountryFits_WhenTheAllocationsProgrammeIsInAnotherCountry_IsFalse()
    {
        var zambia = ApprovedZambia();
        var targets = new FundingTargets([zambia]);
        var forZambia = new FundingTerms(zambia.Id, []);

        Assert.True(targets.CountryFits(Part(country: "ZMB"), forZambia));
        Assert.True(targets.CountryFits(Part(country: "KEN"), new FundingTerms(null, []))); // no programme: nothing to contradict
        Assert.False(targets.CountryFits(Part(country: "KEN"), forZambia));
        Assert.False(targets.CountryFits(Part(zambia.Id, country: "KEN"), new FundingTerms(null, [])));
        Assert.False(targets.CountryFits(Part(outcome: Jobs.OutcomeId, country: "KEN"), new FundingTerms(null, []))); // the outcome's programme
    }

    [Fact]
    public void ProgrammesNamedAndOutcomesNamedAlone_ListWhatMustBeLookedUp()
    {
        var programme = Guid.NewGuid();
        var other = Guid.NewGuid();
        var outcome = Guid.NewGuid();
        var terms = new FundingTerms(null, [Part(programme, Guid.NewGuid()), Part(other), Part(programme), Part(outcome: outcome)]);

        Assert.Equal([programme, other], FundingTargets.ProgrammesNamed(terms));
        Assert.Equal([outcome], FundingTargets.OutcomesNamedAlone(terms));
        Assert.Empty(FundingTargets.OutcomesNamedAlone(terms with { ProgrammeId = programme }));
    }
}
