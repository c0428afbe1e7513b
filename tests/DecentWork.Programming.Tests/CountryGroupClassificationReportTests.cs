using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Programming.V1;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Date = Google.Type.Date;

namespace DecentWork.Programming.Tests;

/// <summary>
/// ReportOutcomesByPolicyMarker and ReportOutcomesBySdgGoal filtered by country group, over
/// coordination's CountryStatusChanged on the real broker (as CountryGroupParticipationReportTests).
/// Each query names its country too, so other tests' programmes in the fixture do not count.
/// </summary>
public class CountryGroupClassificationReportTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private async Task<(int ByMarker, int ByGoal)> Outcomes(string country, CountryGroup group, Date? on = null) =>
        ((await _client.ReportOutcomesByPolicyMarkerAsync(new ReportOutcomesByPolicyMarkerRequest { Country = country, CountryGroup = group, CountryGroupOn = on })).OutcomeCount,
         (await _client.ReportOutcomesBySdgGoalAsync(new ReportOutcomesBySdgGoalRequest { Country = country, CountryGroup = group, CountryGroupOn = on })).OutcomeCount);

    [Fact]
    public async Task ReportOutcomesByPolicyMarkerAndBySdgGoal_WhenFilteredByCountryGroup_CountOnlyThatGroupsOutcomes()
    {
        await Lifecycle.ApprovedAsync("NPL");
        await Lifecycle.ApprovedAsync("CHL");
        await Bus.Publish(new CountryStatusChanged("NPL", [new CountryStatusPeriod(new(1971, 1, 1), null)], [], 1000, ChangedAt, "UN list"));
        var nepal = await Outcomes("NPL", CountryGroup.Unspecified);
        var chile = await Outcomes("CHL", CountryGroup.Unspecified);
        Assert.True(nepal.ByMarker > 0 && chile.ByMarker > 0, "each approved programme has outcomes");
        await Eventually.Until(() => Outcomes("NPL", CountryGroup.LeastDeveloped), counted => counted == nepal, what: "Nepal's status copied");

        Assert.Equal((0, 0), await Outcomes("NPL", CountryGroup.Neither));
        Assert.Equal(chile, await Outcomes("CHL", CountryGroup.Neither));
        Assert.Equal((0, 0), await Outcomes("CHL", CountryGroup.LeastDeveloped));
        // Judged on a day before Nepal was on the list, it was in neither group.
        var before = new Date { Year = 1970, Month = 6, Day = 1 };
        Assert.Equal((0, 0), await Outcomes("NPL", CountryGroup.LeastDeveloped, before));
        Assert.Equal(nepal, await Outcomes("NPL", CountryGroup.Neither, before));
    }

    [Fact]
    public async Task ReportOutcomesByPolicyMarkerAndBySdgGoal_WhenTheCountryGroupIsBad_NameTheFields()
    {
        var badDay = new Date { Year = 2011, Month = 2, Day = 30 };
        await RpcAssert.InvalidFields(() => _client.ReportOutcomesByPolicyMarkerAsync(new ReportOutcomesByPolicyMarkerRequest
        {
            CountryGroup = (CountryGroup)9, CountryGroupOn = badDay,
        }).ResponseAsync, "country_group", "country_group_on");
        await RpcAssert.InvalidFields(() => _client.ReportOutcomesBySdgGoalAsync(new ReportOutcomesBySdgGoalRequest
        {
            CountryGroup = (CountryGroup)9,
        }).ResponseAsync, "country_group");
    }
}
