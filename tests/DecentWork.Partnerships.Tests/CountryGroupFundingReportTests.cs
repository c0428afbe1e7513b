using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Date = Google.Type.Date;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// ReportFundingApprovals filtered by country group, over coordination's CountryStatusChanged on the
/// real broker. Revisions are high so that a seed from a coordination test on the same broker cannot overtake them.
/// </summary>
public class CountryGroupFundingReportTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task Approve(Partner partner, int year, params (decimal Amount, string Country)[] parts)
    {
        var request = new RecordFundingApprovalRequest { PartnerId = partner.Id, Year = year, Amount = ProtoConvert.ToMoney(parts.Sum(p => p.Amount)) };
        request.Allocations.AddRange(parts.Select(p => new FundingAllocation { Amount = ProtoConvert.ToMoney(p.Amount), CountryCode = p.Country }));
        await _client.RecordFundingApprovalAsync(request);
    }

    private Task<ReportFundingApprovalsResponse> Report(CountryGroup group, Date? on = null, FundingApprovalGrouping by = FundingApprovalGrouping.Year) =>
        _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = by, StartYear = 1991, EndYear = 1993, CountryGroup = group, CountryGroupOn = on,
        }).ResponseAsync;

    private static List<(string Key, decimal Amount, int Count)> Rows(ReportFundingApprovalsResponse r) =>
        [.. r.Totals.Select(t => (t.Key, ProtoConvert.ToDecimal(t.Amount), t.ApprovalCount))];

    [Fact]
    public async Task ReportFundingApprovals_WhenFilteredByCountryGroup_TotalsWhatIsAllocatedToTheGroupInEachYearsList()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Government of the Netherlands"));
        await Approve(partner, 1991, (100m, "BDI"), (50m, "ARG"));
        await Approve(partner, 1991, (30m, "IRQ"));
        await Approve(partner, 1993, (40m, "IRQ"));
        await fixture.Bus.Publish(new CountryStatusChanged("BDI", [new CountryStatusPeriod(new(1971, 1, 1), null)], [], 1000, ChangedAt, "UN list"));
        await fixture.Bus.Publish(new CountryStatusChanged("IRQ", [], [new CountryStatusPeriod(new(1990, 8, 2), new(1992, 1, 1))], 1000, ChangedAt, "Gulf war"));
        await Eventually.Until(() => Report(CountryGroup.LeastDevelopedOrInCrisis), r => r.ApprovalCount == 2, what: "both statuses copied");

        // Unset day: each year's group, so Iraq's 1993 approval is outside the crisis that ended in 1992.
        Assert.Equal([("1991", 130m, 2)], Rows(await Report(CountryGroup.LeastDevelopedOrInCrisis)));
        Assert.Equal([("1991", 100m, 1)], Rows(await Report(CountryGroup.LeastDeveloped)));
        Assert.Equal([("1991", 50m, 1), ("1993", 40m, 1)], Rows(await Report(CountryGroup.Neither)));
        // On a day: the group of that day for every year.
        Assert.Equal([("1991", 30m, 1), ("1993", 40m, 1)], Rows(await Report(CountryGroup.InCrisis, new Date { Year = 1991, Month = 6, Day = 1 })));
        var byRegion = await Report(CountryGroup.LeastDeveloped, by: FundingApprovalGrouping.Region);
        Assert.Equal((100m, "100.00"), (ProtoConvert.ToDecimal(byRegion.TotalAmount), byRegion.Totals.Single().SharePercent));
        // Without a group the whole approvals count, as before.
        Assert.Equal(220m, ProtoConvert.ToDecimal((await Report(CountryGroup.Unspecified)).TotalAmount));
    }

    [Fact]
    public async Task ReportFundingApprovals_WhenTheCountryGroupIsBad_NamesTheFields() =>
        await RpcAssert.InvalidFields(() => _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = FundingApprovalGrouping.Year, CountryGroup = (CountryGroup)9, CountryGroupOn = new Date { Year = 2007, Month = 13, Day = 1 },
        }).ResponseAsync, "country_group", "country_group_on");
}
