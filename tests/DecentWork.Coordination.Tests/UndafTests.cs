using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

public class UndafTests
{
    private static readonly Country Tanzania = Countries.ByCode["TZA"];
    private static readonly DateTimeOffset Now = new(2007, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_WhenValid_KeysTheCountryAndCycleAndRaisesNothing()
    {
        var undaf = Undaf.Register(Tanzania, 2007, 2010, Now);

        Assert.Equal("TZA", undaf.CountryCode);
        Assert.Equal((2007, 2010), (undaf.CycleStartYear, undaf.CycleEndYear));
        Assert.Equal(Now, undaf.RegisteredAt);
        Assert.Equal("TZA|2007-2010", undaf.CountryCycleKey);
        Assert.Equal($"TZA|2007|2010|{undaf.Id:N}", undaf.SortKey);
        Assert.NotEqual(Guid.Empty, undaf.Id);
        Assert.Empty(undaf.PendingEvents());
    }

    [Theory]
    [InlineData(1997, 1997)]
    [InlineData(2100, 2110)]
    [InlineData(2011, 2021)]
    public void Register_WhenCycleIsAtTheLimits_IsPossible(int start, int end) =>
        Assert.Equal(end, Undaf.Register(Tanzania, start, end, Now).CycleEndYear);

    [Theory]
    [InlineData(1996)]
    [InlineData(2101)]
    [InlineData(0)]
    public void Register_WhenStartYearIsOutOfRange_IsNotPossible(int start)
    {
        var error = Assert.Throws<DomainRuleException>(() => Undaf.Register(Tanzania, start, start + 1, Now));
        Assert.Contains("1997-2100", error.Message);
    }

    [Fact]
    public void Register_WhenCycleEndsBeforeItStarts_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => Undaf.Register(Tanzania, 2010, 2007, Now));
        Assert.Contains("before it starts", error.Message);
    }

    [Fact]
    public void Register_WhenCycleIsLongerThanTenYears_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => Undaf.Register(Tanzania, 2007, 2018, Now));
        Assert.Contains("at most 10 years", error.Message);
    }

    [Fact]
    public void KeyFor_WhenCyclesDifferOnlyInTheirEnd_GivesDifferentKeys()
    {
        Assert.Equal(Undaf.Register(Tanzania, 2007, 2010, Now).CountryCycleKey, Undaf.KeyFor(Tanzania, 2007, 2010));
        Assert.NotEqual(Undaf.KeyFor(Tanzania, 2007, 2010), Undaf.KeyFor(Tanzania, 2007, 2011));
        Assert.NotEqual(Undaf.KeyFor(Tanzania, 2007, 2010), Undaf.KeyFor(Countries.ByCode["KEN"], 2007, 2010));
    }
}
