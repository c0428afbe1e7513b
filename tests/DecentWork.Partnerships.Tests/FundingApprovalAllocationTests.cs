using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Tests;

/// <summary>The richer approval: allocations, source, earmarking, date, original currency.</summary>
public class FundingApprovalAllocationTests
{
    private static readonly DateTimeOffset Now = new(2007, 5, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Partner Eu = Partner.Register("European Union", PartnerCategory.EuropeanUnion, Now);
    private static readonly Guid Zambia = Guid.NewGuid();

    private static Allocation Part(decimal amount, IloRegion? region = null, string? country = null, Guid? programme = null, int? objective = null) =>
        new() { AmountUsd = amount, Region = region, CountryCode = country, ProgrammeId = programme, StrategicObjective = objective };

    private static FundingTerms Terms(params Allocation[] allocations) => new(null, allocations);

    [Fact]
    public void Record_WhenAllocationsAddUpExactly_RaisesFundingApprovedWithThem()
    {
        var terms = Terms(Part(0.01m, IloRegion.Africa, "ZMB", Zambia, 2), Part(999.99m, IloRegion.AsiaPacific)) with
        {
            ApprovalDate = new DateOnly(2007, 3, 1),
            OriginalAmount = 750m,
            OriginalCurrency = "EUR",
            MobilisedBy = MobilisedBy.FieldOffice,
            AgreementId = Guid.NewGuid(),
        };

        var approval = FundingApproval.Record(Eu, 1000m, 2007, terms, Now);

        Assert.Equal((750m, "EUR"), (approval.OriginalAmount, approval.OriginalCurrency));
        Assert.Equal(new DateOnly(2007, 3, 1), approval.ApprovalDate);
        Assert.Equal(terms.AgreementId, approval.AgreementId);
        var raised = Assert.IsType<FundingApproved>(Assert.Single(approval.PendingEvents()));
        Assert.Equal(1000m, raised.AmountUsd);
        Assert.Equal(
            [new FundingAllocation("Africa", "ZMB", Zambia, null, 2, 0.01m), new FundingAllocation("AsiaPacific", null, null, null, null, 999.99m)],
            raised.Allocations!);
    }

    [Theory]
    [InlineData("999.99")]
    [InlineData("1000.01")]
    public void Record_WhenAllocationsDoNotAddUpToTheAmount_IsNotPossible(string amount)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            FundingApproval.Record(Eu, decimal.Parse(amount), 2007, Terms(Part(400m), Part(600m)), Now));
        Assert.Contains("add up", error.Message);
    }

    [Fact]
    public void Record_WhenEveryAllocationNamesOneProgramme_TheEventNamesIt()
    {
        var approval = FundingApproval.Record(Eu, 3m, 2007, Terms(Part(1m, programme: Zambia), Part(2m, programme: Zambia)), Now);
        Assert.Equal(Zambia, approval.ProgrammeId);
    }

    [Fact]
    public void Record_WhenAllocationsNameSeveralProgrammesOrNone_IsForNoOneProgramme()
    {
        Assert.Equal(Guid.Empty, FundingApproval.Record(Eu, 3m, 2007, Terms(Part(1m, programme: Zambia), Part(2m, programme: Guid.NewGuid())), Now).ProgrammeId);
        Assert.Equal(Guid.Empty, FundingApproval.Record(Eu, 3m, 2007, Terms(Part(1m, programme: Zambia), Part(2m)), Now).ProgrammeId);
    }

    [Fact]
    public void Record_WhenThereAreNeitherAllocationsNorAProgramme_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 3m, 2007, Terms(), Now));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Record_WhenAnAllocationIsNotPositive_IsNotPossible(string amount) =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 3m, 2007, Terms(Part(3m - decimal.Parse(amount)), Part(decimal.Parse(amount))), Now));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Record_WhenTheStrategicObjectiveIsNot1To4_IsNotPossible(int objective) =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 3m, 2007, Terms(Part(3m, objective: objective)), Now));

    [Theory]
    [InlineData(Earmarking.SoftlyEarmarked)]
    [InlineData(Earmarking.Earmarked)]
    [InlineData(Earmarking.TightlyEarmarked)]
    public void Record_WhenRbsaMoneyIsEarmarked_IsNotPossible(Earmarking earmarking) =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 3m, 2008,
            Terms(Part(3m, IloRegion.Africa)) with { Source = FundingSource.Rbsa, Earmarking = earmarking }, Now));

    [Fact]
    public void Record_WhenRbsaLeavesEarmarkingUnset_IsUnearmarked() =>
        Assert.Equal(Earmarking.Unearmarked, FundingApproval.Record(Eu, 3m, 2008,
            Terms(Part(3m, IloRegion.Africa)) with { Source = FundingSource.Rbsa }, Now).Earmarking);

    [Fact]
    public void Record_WhenTheDateIsNotInTheYear_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 3m, 2007,
            Terms(Part(3m)) with { ApprovalDate = new DateOnly(2008, 1, 1) }, Now));

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Record_WhenTheOriginalAmountIsNotPositive_IsNotPossible(string original) =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 3m, 2007,
            Terms(Part(3m)) with { OriginalAmount = decimal.Parse(original), OriginalCurrency = "EUR" }, Now));

    [Fact]
    public void Record_WhenThereAreMoreThan500Allocations_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 501m, 2007,
            Terms([.. Enumerable.Range(0, 501).Select(_ => Part(1m))]), Now));

    [Fact]
    public void Record_WhenForOneProgrammeButAllocatingToAnother_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 3m, 2007,
            new FundingTerms(Zambia, [Part(1m, programme: Zambia), Part(2m, programme: Guid.NewGuid())]), Now));

    [Fact]
    public void Record_WhenForOneProgrammeWithAllocationsNamingNoneOrIt_KeepsTheProgramme() =>
        Assert.Equal(Zambia, FundingApproval.Record(Eu, 3m, 2007,
            new FundingTerms(Zambia, [Part(1m, programme: Zambia), Part(2m, IloRegion.Africa)]), Now).ProgrammeId);

    [Fact]
    public void Record_WhenRbsaMoneyNamesNoProgrammeOrAllocation_HoldsItUnallocated()
    {
        var approval = FundingApproval.Record(Eu, 22_000_000m, 2008, new FundingTerms(null, [], Source: FundingSource.Rbsa), Now);

        var allocation = Assert.Single(approval.Allocations);
        Assert.Equal((Guid.Empty, 22_000_000m, (Guid?)null, (IloRegion?)null, Earmarking.Unearmarked),
            (approval.ProgrammeId, allocation.AmountUsd, allocation.ProgrammeId, allocation.Region, approval.Earmarking));
        Assert.Null(Assert.IsType<FundingApproved>(Assert.Single(approval.PendingEvents())).Allocations![0].ProgrammeId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(FundingSource.ExtraBudgetary)]
    [InlineData(FundingSource.RegularBudgetTc)]
    public void Record_WhenOtherMoneyNamesNoProgrammeOrAllocation_IsNotPossible(FundingSource? source) =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, 1m, 2008, new FundingTerms(null, [], Source: source), Now));

    [Theory]
    [InlineData(0, false, FundingSource.Rbsa, true)]
    [InlineData(0, false, FundingSource.ExtraBudgetary, false)]
    [InlineData(0, true, FundingSource.ExtraBudgetary, true)]
    [InlineData(2, false, FundingSource.RegularBudgetTc, true)]
    public void HasADestination_WhenAllocationsOrAProgrammeOrRbsa_IsTrue(int allocations, bool programme, FundingSource source, bool expected) =>
        Assert.Equal(expected, FundingApprovalRules.HasADestination(programme ? Guid.NewGuid() : null, allocations, source));
}
