using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;

namespace DecentWork.Partnerships.Tests;

public class FundingApprovalTests
{
    private static readonly DateTimeOffset Now = new(2007, 5, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Partner Eu = Partner.Register("European Union", PartnerCategory.EuropeanUnion, Now);
    private static readonly Guid Programme = Guid.NewGuid();

    [Fact]
    public void Record_WhenValid_RaisesFundingApprovedWithThePartnersNameAndTheAmount()
    {
        var approval = FundingApproval.Record(Eu, Programme, 65_800_000.10m, 2007, Now);

        Assert.Equal(Eu.Id, approval.PartnerId);
        Assert.Equal(65_800_000.10m, approval.AmountUsd);
        var raised = Assert.IsType<FundingApproved>(Assert.Single(approval.PendingEvents()));
        Assert.Equal(new FundingApproved(approval.Id, Eu.Id, "European Union", Programme, 65_800_000.10m, 2007, Now, raised.Allocations), raised);
        // The minimal approval is one allocation of the whole amount to the programme.
        Assert.Equal(new FundingAllocation(null, null, Programme, null, null, 65_800_000.10m), Assert.Single(raised.Allocations!));
    }

    [Fact]
    public void Record_WhenOnlyTheMinimumIsGiven_DefaultsToExtraBudgetaryEarmarkedUsd()
    {
        var approval = FundingApproval.Record(Eu, Programme, 10m, 2007, Now);

        Assert.Equal(FundingSource.ExtraBudgetary, approval.Source);
        Assert.Equal(Earmarking.Earmarked, approval.Earmarking);
        Assert.Equal(MobilisedBy.NotRecorded, approval.MobilisedBy);
        Assert.Equal((10m, "USD"), (approval.OriginalAmount, approval.OriginalCurrency));
        Assert.Null(approval.ApprovalDate);
        Assert.Null(approval.AgreementId);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("-1000000")]
    public void Record_WhenAmountIsNotPositive_IsNotPossible(string amount)
    {
        var error = Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, Programme, decimal.Parse(amount), 2007, Now));
        Assert.Contains("positive", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1989)]
    [InlineData(2101)]
    public void Record_WhenYearIsOutside1990To2100_IsNotPossible(int year) =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, Programme, 1m, year, Now));

    [Theory]
    [InlineData(1990)]
    [InlineData(2100)]
    public void Record_WhenYearIsAtTheEdgeOfTheRange_IsAccepted(int year) =>
        Assert.Equal(year, FundingApproval.Record(Eu, Programme, 1m, year, Now).Year);

    [Fact]
    public void Record_WhenProgrammeIsEmpty_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => FundingApproval.Record(Eu, Guid.Empty, 1m, 2007, Now));

    [Fact]
    public void SortKey_Descending_PutsTheNewestYearThenTheLatestRecordedFirst()
    {
        var old = FundingApproval.Record(Eu, Programme, 1m, 2005, Now.AddYears(3));
        var earlier = FundingApproval.Record(Eu, Programme, 1m, 2012, Now);
        var later = FundingApproval.Record(Eu, Programme, 1m, 2012, Now.AddMilliseconds(1));
        var middle = FundingApproval.Record(Eu, Programme, 1m, 2008, Now);

        var ordered = new[] { old, earlier, later, middle }.OrderByDescending(a => a.SortKey, StringComparer.Ordinal);

        Assert.Equal([later, earlier, middle, old], ordered);
    }
}
