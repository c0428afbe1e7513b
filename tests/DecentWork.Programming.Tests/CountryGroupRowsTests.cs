using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Date = Google.Type.Date;

namespace DecentWork.Programming.Tests;

/// <summary>
/// ReportFundingGaps' totals by country group and ReportRatificationTargets filtered by it, over
/// coordination's CountryStatusChanged on the real broker. The statuses are made up, so an ignored
/// group gives other figures: Mongolia least developed since 2000, Paraguay least developed since
/// 2000 and in crisis since 2020, Tunisia neither.
/// </summary>
public class CountryGroupRowsTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private async Task StatusesAsync()
    {
        await Bus.Publish(new CountryStatusChanged("MNG", [new CountryStatusPeriod(new(2000, 1, 1), null)], [], 5000, ChangedAt, "Made up for a test"));
        await Bus.Publish(new CountryStatusChanged("PRY", [new CountryStatusPeriod(new(2000, 1, 1), null)], [new CountryStatusPeriod(new(2020, 1, 1), null)],
            5000, ChangedAt, "Made up for a test"));
    }

    private Task<ReportFundingGapsResponse> Gaps(Date? on = null) =>
        _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { GroupByCountryGroup = true, CountryGroupOn = on }).ResponseAsync;

    private static List<(CountryGroup Group, int Programmes, decimal Need, decimal Mobilised, decimal Gap)> Rows(ReportFundingGapsResponse r) =>
        [.. r.CountryGroupTotals.Rows.Select(t => (t.CountryGroup, t.ProgrammeCount, ProtoConvert.ToDecimal(t.ResourceNeed), ProtoConvert.ToDecimal(t.FundingMobilised),
            ProtoConvert.ToDecimal(t.FundingGap)))];

    [Fact]
    public async Task ReportFundingGaps_WhenGroupedByCountryGroup_TotalsEachGroupOnTheDay()
    {
        var mongolia = await Lifecycle.WithOutcomeAsync("MNG");
        await Lifecycle.WithOutcomeAsync("PRY");
        await Lifecycle.WithOutcomeAsync("TUN");
        await Bus.Publish(new FundingApproved(Guid.NewGuid(), Guid.NewGuid(), "Japan", Guid.Parse(mongolia.Id), 250_000m, 2008, DateTimeOffset.UtcNow,
            [new FundingAllocation(null, "MNG", null, null, null, 250_000m)]));
        await StatusesAsync();
        await Eventually.Until(() => Gaps(), r => r.CountryGroupTotals.Rows[0].ProgrammeCount == 2 && r.TotalFundingMobilised.Units == 250_000, what: "statuses and funding copied");

        var today = await Gaps();
        Assert.Equal([(CountryGroup.LeastDeveloped, 2, 2_000_000m, 250_000m, 1_750_000m), (CountryGroup.InCrisis, 1, 1_000_000m, 0m, 1_000_000m),
            (CountryGroup.Neither, 1, 1_000_000m, 0m, 1_000_000m), (CountryGroup.LeastDevelopedOrInCrisis, 2, 2_000_000m, 250_000m, 1_750_000m)], Rows(today));
        Assert.Equal(3, today.TotalSize); // the page and totals stay the whole report's
        // Before Paraguay's made-up crisis, and before either was on the list.
        Assert.Equal(0, Rows(await Gaps(Day(2010, 1, 1)))[1].Programmes);
        Assert.Equal((0, 3), (Rows(await Gaps(Day(1999, 1, 1)))[0].Programmes, Rows(await Gaps(Day(1999, 1, 1)))[2].Programmes));
        Assert.Null((await _client.ReportFundingGapsAsync(new ReportFundingGapsRequest())).CountryGroupTotals);
    }

    [Fact]
    public async Task ReportRatificationTargets_WhenFilteredByCountryGroup_KeepsOnlyTheGroupsCountriesOnTheDay()
    {
        foreach (var (convention, country) in new[] { (144, "MNG"), (144, "TUN"), (122, "PRY") })
            await _client.TargetRatificationAsync(new TargetRatificationRequest
            {
                ConventionNumber = convention, CountryCode = country, SupportingProjectCode = "INT/07/01/FRA", TargetedOn = Day(2007, 3, 1),
            });
        await StatusesAsync();
        Task<ReportRatificationTargetsResponse> Report(CountryGroup group, Date? on = null) =>
            _client.ReportRatificationTargetsAsync(new ReportRatificationTargetsRequest { CountryGroup = group, CountryGroupOn = on }).ResponseAsync;
        await Eventually.Until(() => Report(CountryGroup.LeastDeveloped), r => r.Rows.Sum(c => c.TargetedCount) == 2, what: "the statuses copied");

        var least = await Report(CountryGroup.LeastDeveloped);
        Assert.Equal([(122, "PRY"), (144, "MNG")], least.Rows.Select(r => (r.ConventionNumber, r.PendingCountries.Single())));
        Assert.Equal([(144, "TUN")], (await Report(CountryGroup.Neither)).Rows.Select(r => (r.ConventionNumber, r.PendingCountries.Single())));
        Assert.Empty((await Report(CountryGroup.LeastDeveloped, Day(1999, 1, 1))).Rows);
        Assert.Equal(3, (await Report(CountryGroup.Unspecified)).Rows.Sum(r => r.TargetedCount));
    }

    [Fact]
    public async Task CountryGroupReports_WhenTheGroupOrDayIsBadOrCombinedWithTheGrouping_NameTheFields()
    {
        await RpcAssert.InvalidFields(() => _client.ReportRatificationTargetsAsync(new ReportRatificationTargetsRequest
        {
            CountryGroup = (CountryGroup)9, CountryGroupOn = Day(2011, 2, 30),
        }).ResponseAsync, "country_group", "country_group_on");
        await RpcAssert.InvalidFields(() => _client.ReportFundingGapsAsync(new ReportFundingGapsRequest
        {
            GroupByCountryGroup = true, CountryGroup = CountryGroup.InCrisis,
        }).ResponseAsync, "country_group");
        await RpcAssert.InvalidFields(() => Gaps(Day(2011, 2, 30)), "country_group_on");
    }
}
