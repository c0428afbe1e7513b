using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Programming.V1;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Date = Google.Type.Date;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Coordination's CountryStatusChanged over the real broker, kept as this service's copy, and the
/// programme reports filtered by country group. Revisions are high so that a seed published by a
/// coordination test on the same broker (revision 1) can never overtake them.
/// </summary>
public class CountryGroupReportServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private Task<ReportProgrammesByStatusResponse> ByStatus(CountryGroup group, Date? on = null) =>
        _client.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest { CountryGroup = group, CountryGroupOn = on }).ResponseAsync;

    [Fact]
    public async Task ReportProgrammesByStatusAndFundingGaps_WhenFilteredByCountryGroup_CountOnlyThatGroupOnTheDay()
    {
        var niger = await Lifecycle.ApprovedAsync("NER");
        var syria = await Lifecycle.ApprovedAsync("SYR");
        var chile = await Lifecycle.ApprovedAsync("CHL");
        await Bus.Publish(new CountryStatusChanged("NER", [new CountryStatusPeriod(new(1971, 1, 1), null)], [], 1000, ChangedAt, "UN list"));
        await Bus.Publish(new CountryStatusChanged("SYR", [], [new CountryStatusPeriod(new(2011, 3, 15), null)], 1000, ChangedAt, "Civil war"));
        // An older revision arriving late is ignored.
        await Bus.Publish(new CountryStatusChanged("NER", [], [], 999, ChangedAt, "stale"));
        await Eventually.Until(() => ByStatus(CountryGroup.LeastDevelopedOrInCrisis, Day(2012, 1, 1)), r => r.TotalProgrammes == 2, what: "both statuses copied");
        await Bus.Publish(new CountryStatusChanged("NER", [], [], 998, ChangedAt, "stale"));

        Assert.Equal(1, (await ByStatus(CountryGroup.LeastDeveloped, Day(2012, 1, 1))).TotalProgrammes);
        Assert.Equal(1, (await ByStatus(CountryGroup.InCrisis, Day(2012, 1, 1))).TotalProgrammes);
        Assert.Equal(0, (await ByStatus(CountryGroup.InCrisis, Day(2010, 1, 1))).TotalProgrammes);
        Assert.Equal(1, (await ByStatus(CountryGroup.Neither, Day(2012, 1, 1))).TotalProgrammes);
        Assert.Equal(3, (await ByStatus(CountryGroup.Unspecified)).TotalProgrammes);

        var gaps = await _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { CountryGroup = CountryGroup.LeastDevelopedOrInCrisis });
        Assert.Equal(new[] { niger.Id, syria.Id }.Order(StringComparer.Ordinal), gaps.Programmes.Select(p => p.ProgrammeId).Order(StringComparer.Ordinal));
        var neither = await _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { CountryGroup = CountryGroup.Neither });
        Assert.Equal([chile.Id], neither.Programmes.Select(p => p.ProgrammeId));
    }

    [Fact]
    public async Task ReportProgrammesByStatus_WhenTheCountryGroupIsBad_NamesTheFields()
    {
        await RpcAssert.InvalidFields(() => _client.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest
        {
            CountryGroup = (CountryGroup)9, CountryGroupOn = Day(2011, 2, 30),
        }).ResponseAsync, "country_group", "country_group_on");
        await RpcAssert.InvalidFields(() => _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { CountryGroup = (CountryGroup)9 }).ResponseAsync, "country_group");
    }
}
