using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Date = Google.Type.Date;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// ReportProjectsByPolicyMarker, ReportProjectsBySdgGoal and ReportProjectLinkage filtered by country group, over
/// coordination's CountryStatusChanged on the real broker. Projects in 2089, a year no other test
/// uses: Niger (least developed since 1971), Uruguay (neither), and one project in both (in no group).
/// </summary>
public class CountryGroupProjectReportTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private const int Year = 2089;
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task RegisterAsync(params string[] countries)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner($"Country group partner {Guid.NewGuid():N}"));
        await _client.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"cg/{Guid.NewGuid():N}", Title = "Skills for rural employment", CountryCodes = { countries }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(400_000m),
            StartDate = new Date { Year = Year, Month = 1, Day = 1 }, EndDate = new Date { Year = Year, Month = 12, Day = 31 },
        });
    }

    private async Task<(int ByMarker, int ByGoal, int Linkage)> Projects(CountryGroup group, Date? on = null) =>
        ((await _client.ReportProjectsByPolicyMarkerAsync(new ReportProjectsByPolicyMarkerRequest { StartYear = Year, EndYear = Year, CountryGroup = group, CountryGroupOn = on })).ProjectCount,
         (await _client.ReportProjectsBySdgGoalAsync(new ReportProjectsBySdgGoalRequest { StartYear = Year, EndYear = Year, CountryGroup = group, CountryGroupOn = on })).ProjectCount,
         (await _client.ReportProjectLinkageAsync(new ReportProjectLinkageRequest { StartYear = Year, EndYear = Year, CountryGroup = group, CountryGroupOn = on })).ProjectCount);

    [Fact]
    public async Task ProjectReports_WhenFilteredByCountryGroup_CountOnlyTheGroupsSingleCountryProjects()
    {
        await RegisterAsync("NER");
        await RegisterAsync("URY");
        await RegisterAsync("NER", "URY");
        await fixture.Bus.Publish(new CountryStatusChanged("NER", [new CountryStatusPeriod(new(1971, 1, 1), null)], [], 1000, ChangedAt, "UN list"));
        await Eventually.Until(() => Projects(CountryGroup.LeastDeveloped), counted => counted == (1, 1, 1), what: "Niger's status copied");

        Assert.Equal((3, 3, 3), await Projects(CountryGroup.Unspecified));
        Assert.Equal((1, 1, 1), await Projects(CountryGroup.Neither));
        Assert.Equal((0, 0, 0), await Projects(CountryGroup.InCrisis));
        // Judged on a day before Niger was on the list, it was in neither group.
        var before = new Date { Year = 1970, Month = 6, Day = 1 };
        Assert.Equal((0, 0, 0), await Projects(CountryGroup.LeastDeveloped, before));
        Assert.Equal((2, 2, 2), await Projects(CountryGroup.Neither, before));
    }

    [Fact]
    public async Task ProjectReports_WhenTheCountryGroupIsBad_NameTheFields()
    {
        await RpcAssert.InvalidFields(() => _client.ReportProjectsByPolicyMarkerAsync(new ReportProjectsByPolicyMarkerRequest
        {
            CountryGroup = (CountryGroup)9, CountryGroupOn = new Date { Year = 2011, Month = 2, Day = 30 },
        }).ResponseAsync, "country_group", "country_group_on");
        await RpcAssert.InvalidFields(() => _client.ReportProjectsBySdgGoalAsync(new ReportProjectsBySdgGoalRequest
        {
            CountryGroup = (CountryGroup)9,
        }).ResponseAsync, "country_group");
        await RpcAssert.InvalidFields(() => _client.ReportProjectLinkageAsync(new ReportProjectLinkageRequest
        {
            CountryGroup = (CountryGroup)9,
        }).ResponseAsync, "country_group");
    }
}
