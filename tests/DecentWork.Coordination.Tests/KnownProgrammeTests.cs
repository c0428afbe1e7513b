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
