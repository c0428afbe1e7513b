using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Tests;

public class JointProgrammeFundingTests
{
    [Fact]
    public void AllocationFor_WhenOneCountry_NamesTheCountryAndItsRegion()
    {
        var allocation = JointProgrammeFunding.AllocationFor(["alb"], 5m);
        Assert.Equal(("ALB", IloRegion.EuropeCentralAsia, 5m), (allocation.CountryCode, allocation.Region, allocation.AmountUsd));
    }

    [Fact]
    public void AllocationFor_WhenCountriesShareARegion_NamesOnlyTheRegion()
    {
        var allocation = JointProgrammeFunding.AllocationFor(["PER", "CRI"], 5m);
        Assert.Equal((null, IloRegion.Americas), (allocation.CountryCode, allocation.Region));
    }

    [Theory]
    [InlineData("PER", "PHL")]
    [InlineData("XXX", "PER")]
    public void AllocationFor_WhenRegionsDifferOrACountryIsUnknown_NamesNoPlace(string first, string second)
    {
        var allocation = JointProgrammeFunding.AllocationFor([first, second], 5m);
        Assert.Equal((null, (IloRegion?)null), (allocation.CountryCode, allocation.Region));
    }

    [Fact]
    public void Terms_AreExtraBudgetaryEarmarkedAndDatedTheApprovalDay()
    {
        var terms = JointProgrammeFunding.Terms(["ALB"], 5m, new DateOnly(2008, 4, 1));
        Assert.Equal((FundingSource.ExtraBudgetary, Earmarking.Earmarked, new DateOnly(2008, 4, 1)), (terms.Source, terms.Earmarking, terms.ApprovalDate));
    }
}
