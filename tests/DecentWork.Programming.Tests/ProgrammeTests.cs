using DecentWork.Contracts.Events.Programming;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Programming.Tests;

public class ProgrammeTests
{
    private static readonly Country Tanzania = Countries.ByCode["TZA"];
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Change Officer = new("officer-1", "Country officer", Now);

    [Fact]
    public void Register_WhenValid_IsDraftInTheCountrysRegionAndRaisesProgrammeRegistered()
    {
        var programme = Programme.Register(Tanzania, " DWCP Tanzania ", new(2006, 1, 1), new(2010, 12, 31), Officer);

        Assert.Equal(ProgrammeStatus.Draft, programme.Status);
        Assert.Equal(IloRegion.Africa, programme.Region);
        Assert.Equal("DWCP Tanzania", programme.Title);
        var raised = Assert.IsType<ProgrammeRegistered>(Assert.Single(programme.PendingEvents()));
        Assert.Equal(programme.Id, raised.ProgrammeId);
        Assert.Equal("TZA", raised.CountryCode);
        Assert.Equal("Africa", raised.Region);
        Assert.Equal("Country officer (officer-1)", raised.ChangedBy);
        Assert.Equal("officer-1", programme.DraftedBy);
        var entry = Assert.Single(programme.History);
        Assert.Equal(("Country officer (officer-1)", "officer-1", "Country officer"), (entry.ChangedBy, entry.ChangedBySubject, entry.ChangedByName));
    }

    [Fact]
    public void Register_WhenPeriodEndsBeforeItStarts_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => Programme.Register(Tanzania, "DWCP", new(2010, 1, 1), new(2009, 12, 31), Officer));
        Assert.Contains("before it starts", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Register_WhenTitleIsBlank_IsNotPossible(string title) =>
        Assert.Throws<DomainRuleException>(() => Programme.Register(Tanzania, title, new(2008, 1, 1), new(2011, 12, 31), Officer));
}
