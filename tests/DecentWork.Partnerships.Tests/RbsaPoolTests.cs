using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Tests;

public class RbsaPoolTests
{
    private static RbsaAllocation Part(decimal amount, IloRegion? region = IloRegion.Africa, int? objective = null) =>
        new() { Id = Guid.NewGuid(), AmountUsd = amount, Region = region, StrategicObjective = objective };

    [Theory]
    [InlineData(2007)]
    [InlineData(1988)]
    [InlineData(2102)]
    public void Open_WhenTheYearDoesNotStartABiennium_IsNotPossible(int year) =>
        Assert.Throws<DomainRuleException>(() => RbsaPool.Open(year));

    [Fact]
    public void Open_TheSameBienniumTwice_HasTheSameId() =>
        Assert.Equal(RbsaPool.Open(2008).Id, RbsaPool.Open(2008).Id);

    [Fact]
    public void Allocate_UpToExactlyWhatWasContributed_IsAccepted()
    {
        var pool = RbsaPool.Open(2008);
        pool.Allocate(Part(22_000_000m), 44_000_000m);
        pool.Allocate(Part(22_000_000m, IloRegion.AsiaPacific), 44_000_000m);
        Assert.Equal(44_000_000m, pool.Allocated());
    }

    [Fact]
    public void Allocate_WhenItWouldExceedWhatWasContributed_IsNotPossible()
    {
        var pool = RbsaPool.Open(2008);
        pool.Allocate(Part(44_000_000m), 44_000_000m);
        var error = Assert.Throws<DomainRuleException>(() => pool.Allocate(Part(0.01m), 44_000_000m));
        Assert.Contains("exceed", error.Message);
        Assert.Single(pool.Allocations);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Allocate_WhenNotPositive_IsNotPossible(string amount) =>
        Assert.Throws<DomainRuleException>(() => RbsaPool.Open(2008).Allocate(Part(decimal.Parse(amount)), 10m));

    [Fact]
    public void Allocate_WhenTheStrategicObjectiveIsNot1To4_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => RbsaPool.Open(2008).Allocate(Part(1m, objective: 5), 10m));

    [Fact]
    public void CheckVersion_WhenStale_Conflicts() =>
        Assert.Throws<ConcurrencyConflictException>(() => RbsaPool.Open(2008).CheckVersion(3));
}
