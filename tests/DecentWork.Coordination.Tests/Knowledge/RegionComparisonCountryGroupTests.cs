using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using static DecentWork.Coordination.Tests.Knowledge.KnowledgeClients;
using Date = Google.Type.Date;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>
/// ReportRegionComparison filtered by country group, over the country statuses coordination owns
/// (set here through SetCountryStatus). The statuses are made up, so an ignored filter shows the
/// wrong countries: Chile in crisis 2005-2008, Paraguay least developed since 1990, Uruguay neither.
/// </summary>
public class RegionComparisonCountryGroupTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly KnowledgeService.KnowledgeServiceClient _staff = For(fixture, TestCaller.ProgrammeStaff);
    private readonly CoordinationService.CoordinationServiceClient _coordination = new(fixture.Service.Channel);

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private async Task<List<string>> Countries(CountryGroup group, int year = 0, Date? on = null) =>
        [.. (await _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest
        {
            Region = Region.Americas, Year = year, CountryGroup = group, CountryGroupOn = on,
        })).Rows.Select(r => r.CountryCode)];

    [Fact]
    public async Task ReportRegionComparison_WhenFilteredByCountryGroup_KeepsOnlyTheGroupsCountriesInTheYearOrOnTheDay()
    {
        await _coordination.SetCountryStatusAsync(new SetCountryStatusRequest
        {
            CountryCode = "CHL", Crises = { new CountryStatusPeriod { From = Day(2005, 1, 1), Until = Day(2009, 1, 1) } }, Reason = "Made up for a test",
        });
        await _coordination.SetCountryStatusAsync(new SetCountryStatusRequest
        {
            CountryCode = "PRY", LeastDeveloped = { new CountryStatusPeriod { From = Day(1990, 1, 1) } }, Reason = "Made up for a test",
        });
        foreach (var country in new[] { "CHL", "PRY", "URY" })
            await _staff.RegisterKnowledgeItemAsync(Register(Content(country)));
        // A regional item has no country, so no group.
        await _staff.RegisterKnowledgeItemAsync(Register(Content("").With(c => c.Region = Region.Americas)));

        Assert.Equal(["CHL", "PRY", "URY"], await Countries(CountryGroup.Unspecified));
        Assert.Equal(["CHL"], await Countries(CountryGroup.InCrisis, year: 2006));
        Assert.Empty(await Countries(CountryGroup.InCrisis, year: 2010));
        Assert.Empty(await Countries(CountryGroup.InCrisis)); // no year: today's group
        Assert.Equal(["CHL"], await Countries(CountryGroup.InCrisis, year: 2010, on: Day(2007, 6, 1)));
        Assert.Equal(["CHL", "PRY"], await Countries(CountryGroup.LeastDevelopedOrInCrisis, year: 2006));
        Assert.Equal(["URY"], await Countries(CountryGroup.Neither, year: 2006));
        Assert.Equal(["CHL", "URY"], await Countries(CountryGroup.Neither, year: 2010));

        var between = await _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest { CountryGroup = CountryGroup.LeastDeveloped });
        var americas = between.Rows.Single(r => r.Region == Region.Americas);
        Assert.Equal((1, 1), (americas.GoodPracticeCount, between.Total.GoodPracticeCount));
        var all = await _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest());
        Assert.Equal(4, all.Rows.Single(r => r.Region == Region.Americas).GoodPracticeCount);
    }

    [Fact]
    public async Task ReportRegionComparison_WhenTheCountryGroupIsBad_NamesTheFields() =>
        await RpcAssert.InvalidFields(() => _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest
        {
            CountryGroup = (CountryGroup)9, CountryGroupOn = Day(2011, 2, 30),
        }).ResponseAsync, "country_group", "country_group_on");
}
