using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using Contract = DecentWork.Contracts.Common.V1;
using Date = Google.Type.Date;

namespace DecentWork.Coordination.Tests;

/// <summary>The shared helpers of reports grouped by country group, and the region comparison's group filter, in memory.</summary>
public class CountryGroupRowsTests
{
    private static Bucket B(string key) => new(key, new Dictionary<string, decimal> { [RegionComparison.GoodPracticesFigure] = 1m });

    [Fact]
    public void GroupsFrom_WhenNoGroupIsGiven_GivesTheFourRowsInOrderJudgedOnTheDay()
    {
        var violations = new FieldViolations();

        var groups = CountryGroupRegistration.GroupsFrom(Contract.CountryGroup.Unspecified, new Date { Year = 2007, Month = 6, Day = 30 }, violations);

        Assert.True(violations.IsEmpty);
        Assert.Equal([CountryGroup.LeastDeveloped, CountryGroup.InCrisis, CountryGroup.Neither, CountryGroup.LeastDevelopedOrInCrisis], groups.Select(g => g.Group));
        Assert.All(groups, g => Assert.Equal(new DateOnly(2007, 6, 30), g.On));
        Assert.All(CountryGroupRegistration.GroupsFrom(Contract.CountryGroup.Unspecified, null, violations), g => Assert.Null(g.On));
    }

    [Theory]
    [InlineData(Contract.CountryGroup.InCrisis, 2007, 6, 30, "country_group")]
    [InlineData((Contract.CountryGroup)9, 2007, 6, 30, "country_group")]
    [InlineData(Contract.CountryGroup.Unspecified, 2007, 2, 30, "country_group_on")]
    public void GroupsFrom_WhenAGroupIsGivenOrTheDayIsNotADay_NamesTheField(Contract.CountryGroup group, int year, int month, int day, string field)
    {
        var violations = new FieldViolations();

        CountryGroupRegistration.GroupsFrom(group, new Date { Year = year, Month = month, Day = day }, violations);

        var status = violations.ToStatus();
        Assert.Contains(field + ":", status.Message);
        Assert.Single(status.Details);
    }

    [Fact]
    public void InCountries_WhenBucketsHaveNoCountryOrSpanRegions_KeepsOnlyAdmittedCountries()
    {
        Bucket[] buckets = [B("1|GHA"), B("1|KEN"), B("1|-"), B("0|-"), B("2|PRY")];

        var kept = RegionComparison.InCountries(buckets, country => country is "GHA" or "PRY");

        Assert.Equal(["1|GHA", "2|PRY"], kept.Select(b => b.Key));
        // Admitting every country still drops what belongs to no country.
        Assert.Equal(["1|GHA", "1|KEN", "2|PRY"], RegionComparison.InCountries(buckets, _ => true).Select(b => b.Key));
    }
}
