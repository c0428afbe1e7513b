using DecentWork.Contracts.Events.Coordination;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

/// <summary>The rules of dated country status, the built-in list and the copies other services keep.</summary>
public class CountryStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static StatusPeriod Period(DateOnly from, DateOnly? until = null) => new() { From = from, Until = until };

    [Fact]
    public void Seeded_WhenTheBuiltInListIsRead_EveryCountryIsKnownAndFortyFourRemainAsOfTheSeed()
    {
        var asOf = DateOnly.Parse(LeastDevelopedCountries.AsOf);
        var current = LeastDevelopedCountries.List
            .Select(e => CountryStatus.Seeded(Countries.ByCode[e.Country], LeastDevelopedCountries.PeriodsOf(e), Now))
            .Count(s => s.Periods.IsIn(CountryGroup.LeastDeveloped, asOf));

        Assert.Equal(44, current);
        Assert.Equal(LeastDevelopedCountries.List.Count, LeastDevelopedCountries.List.Select(e => e.Country).Distinct().Count());
    }

    [Theory]
    [InlineData("CPV", 2007, true)]   // graduated 20 December 2007: on the 2007 list
    [InlineData("CPV", 2008, false)]
    [InlineData("WSM", 2013, true)]
    [InlineData("WSM", 2014, false)]  // graduated 1 January 2014
    [InlineData("GNQ", 2017, true)]
    [InlineData("VUT", 2021, false)]
    [InlineData("STP", 2024, true)]
    [InlineData("SSD", 2011, false)]  // included in 2012
    public void IsInDuring_WhenJudgedForAYear_CountsAMemberOnAnyDayOfIt(string country, int year, bool member)
    {
        var entry = LeastDevelopedCountries.List.Single(e => e.Country == country);
        var status = CountryStatus.Seeded(Countries.ByCode[country], LeastDevelopedCountries.PeriodsOf(entry), Now);

        Assert.Equal(member, status.Periods.IsInDuring(CountryGroup.LeastDeveloped, year));
    }

    [Fact]
    public void IsIn_WhenTheDayIsTheGraduationDay_IsNoLongerAMember()
    {
        var periods = new CountryStatusPeriods([new DatedPeriod { From = new(1971, 1, 1), Until = new(2023, 12, 13) }], []);

        Assert.True(periods.IsIn(CountryGroup.LeastDeveloped, new(2023, 12, 12)));
        Assert.False(periods.IsIn(CountryGroup.LeastDeveloped, new(2023, 12, 13)));
        Assert.True(periods.IsIn(CountryGroup.Neither, new(2023, 12, 13)));
    }

    [Fact]
    public void Set_WhenChanged_RaisesTheWholeStatusWithTheNextRevisionAndKeepsTheChange()
    {
        var status = CountryStatus.For(Countries.ByCode["HTI"]);

        Assert.True(status.Set([Period(new(1971, 1, 1))], [Period(new(2010, 1, 12))], " Earthquake ", "Ana (ana)", Now));
        Assert.False(status.Set([Period(new(1971, 1, 1))], [Period(new(2010, 1, 12))], "again", "Ana (ana)", Now));

        var raised = Assert.IsType<CountryStatusChanged>(Assert.Single(status.PendingEvents()));
        Assert.Equal(("HTI", 1L, "Earthquake", "Ana (ana)"), (raised.CountryCode, raised.Revision, raised.Reason, raised.ChangedBy));
        Assert.Equal([new CountryStatusPeriod(new(2010, 1, 12), null)], raised.Crises);
        Assert.Equal(("Earthquake", 1), (status.Changes.Single().Reason, status.Changes.Count));
    }

    [Fact]
    public void Set_WhenPeriodsOverlapOrEndBeforeTheyStartOrNoReason_IsRefused()
    {
        var status = CountryStatus.For(Countries.ByCode["HTI"]);

        Assert.Throws<DomainRuleException>(() => status.Set([], [Period(new(2010, 1, 1)), Period(new(2011, 1, 1), new(2012, 1, 1))], "r", "a", Now));
        Assert.Throws<DomainRuleException>(() => status.Set([], [Period(new(2010, 1, 1), new(2010, 1, 1))], "r", "a", Now));
        Assert.Throws<DomainRuleException>(() => status.Set([], [], " ", "a", Now));
        Assert.Empty(status.PendingEvents());
    }

    [Fact]
    public void Apply_WhenRevisionsArriveOutOfOrder_KeepsTheNewest()
    {
        var copy = KnownCountryStatus.For("hti");
        CountryStatusChanged Revision(long revision, int crisisYear) =>
            new("HTI", [], [new CountryStatusPeriod(new DateOnly(crisisYear, 1, 1), null)], revision, Now, "r");

        Assert.True(copy.Apply(Revision(3, 2010)));
        Assert.False(copy.Apply(Revision(2, 2004)));
        Assert.False(copy.Apply(Revision(3, 2004)));

        Assert.Equal((3L, 2010), (copy.Revision, copy.Crises.Single().From.Year));
        Assert.Equal(KnownCountryStatus.IdOf("HTI"), copy.Id);
        Assert.NotEqual(KnownCountryStatus.IdOf("HTI"), KnownCountryStatus.IdOf("HND"));
    }
}
