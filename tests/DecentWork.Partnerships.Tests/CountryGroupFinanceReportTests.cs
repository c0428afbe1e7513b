using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Date = Google.Type.Date;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// The country-group filter on ReportDelivery, ReportExpenditureGrowth, ReportFieldOfficeShare and
/// ReportFundingGrowth, over coordination's CountryStatusChanged on the real broker. Made-up money:
/// Burundi (least developed since 1971), Iraq (in crisis 2003-03-20 until 2008-01-01), Argentina (neither).
/// </summary>
public class CountryGroupFinanceReportTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FinanceSteps _steps = new(fixture);
    private PartnershipsService.PartnershipsServiceClient Client => _steps.Staff;

    private static decimal Usd(Google.Type.Money money) => ProtoConvert.ToDecimal(money);

    private Task Import(params string[] rows) => Client.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false, rows)).ResponseAsync;

    private static string Spent(Project project, string date, string amount) => FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", date, amount);

    private async Task KnowStatusesAsync(Func<Task<bool>> copied)
    {
        // High revisions, so that a seed from elsewhere on the broker cannot overtake them.
        await fixture.Bus.Publish(new CountryStatusChanged("BDI", [new CountryStatusPeriod(new(1971, 1, 1), null)], [], 1000, ChangedAt, "UN list"));
        await fixture.Bus.Publish(new CountryStatusChanged("IRQ", [], [new CountryStatusPeriod(new(2003, 3, 20), new(2008, 1, 1))], 1000, ChangedAt, "War"));
        await Eventually.Until(copied, done => done, what: "both statuses copied");
    }

    private Task<ReportDeliveryResponse> Delivery(CountryGroup group, DeliveryGrouping by, int start, int end, Date? on = null) =>
        Client.ReportDeliveryAsync(new ReportDeliveryRequest { GroupBy = by, StartYear = start, EndYear = end, CountryGroup = group, CountryGroupOn = on }).ResponseAsync;

    private static List<(string Key, decimal Budget, decimal Expenditure, string Rate)> Rows(ReportDeliveryResponse r) =>
        [.. r.Rows.Select(t => (t.Key, Usd(t.Budget), Usd(t.Expenditure), t.DeliveryRatePercent))];

    [Fact]
    public async Task ReportDeliveryAndExpenditureGrowth_WhenFilteredByCountryGroup_CountOnlyTheGroupsProjectsInEachYearsList()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var (burundi, argentina, iraq) = (await _steps.ProjectAsync(partner.Id, 300_000m, "BDI"), await _steps.ProjectAsync(partner.Id, 300_000m, "ARG"),
            await _steps.ProjectAsync(partner.Id, 300_000m, "IRQ"));
        await _steps.BudgetAsync(burundi, approval, 2007, 100_000m);
        await _steps.BudgetAsync(argentina, approval, 2007, 200_000m);
        await _steps.BudgetAsync(iraq, approval, 2007, 50_000m);
        await _steps.BudgetAsync(iraq, approval, 2008, 40_000m);
        await Import(Spent(burundi, "2006-05-02", "20000"), Spent(burundi, "2007-05-02", "30000"), Spent(argentina, "2007-05-02", "60000"),
            Spent(iraq, "2007-05-02", "10000"), Spent(iraq, "2008-05-02", "8000"));
        await KnowStatusesAsync(async () => (await Delivery(CountryGroup.LeastDevelopedOrInCrisis, DeliveryGrouping.Country, 2007, 2007)).Rows.Count == 2);

        Assert.Equal([("BDI", 100_000m, 30_000m, "30.00")], Rows(await Delivery(CountryGroup.LeastDeveloped, DeliveryGrouping.Country, 2007, 2007)));
        Assert.Equal([("ARG", 200_000m, 60_000m, "30.00")], Rows(await Delivery(CountryGroup.Neither, DeliveryGrouping.Country, 2007, 2007)));
        // Unset day: each year's list, so Iraq's 2008 money is outside the crisis that ended on 1 January 2008; on a day, that day's list.
        Assert.Equal([("2007", 50_000m, 10_000m, "20.00")], Rows(await Delivery(CountryGroup.InCrisis, DeliveryGrouping.Year, 2007, 2008)));
        Assert.Equal([("2007", 50_000m, 10_000m, "20.00"), ("2008", 40_000m, 8_000m, "20.00")],
            Rows(await Delivery(CountryGroup.InCrisis, DeliveryGrouping.Year, 2007, 2008, new Date { Year = 2007, Month = 6, Day = 1 })));
        var all = await Delivery(CountryGroup.Unspecified, DeliveryGrouping.Year, 2007, 2007);
        Assert.Equal((350_000m, 100_000m), (Usd(all.Total.Budget), Usd(all.Total.Expenditure)));

        var growth = await Client.ReportExpenditureGrowthAsync(new ReportExpenditureGrowthRequest { Year = 2007, CountryGroup = CountryGroup.LeastDeveloped });
        Assert.Equal((20_000m, 30_000m, "50.00"), (Usd(growth.Overall.PreviousExpenditure), Usd(growth.Overall.Expenditure), growth.Overall.ChangePercent));
        Assert.Equal("ILO_REGION_AFRICA", Assert.Single(growth.Regions).Key);
    }

    [Fact]
    public async Task ReportFieldOfficeShareAndFundingGrowth_WhenFilteredByCountryGroup_CountWhatIsAllocatedToTheGroup()
    {
        var partner = await Client.RegisterPartnerAsync(Requests.Partner("Government of Norway"));
        // Years no other test of the class records approvals in, so the unfiltered figures are this test's alone.
        await Approve(partner, 2010, MobilisedBy.FieldOffice, (40m, "BDI"), (500m, "ARG"));
        await Approve(partner, 2011, MobilisedBy.FieldOffice, (60m, "BDI"));
        await Approve(partner, 2011, MobilisedBy.Headquarters, (20m, "BDI"), (700m, "ARG"));
        await KnowStatusesAsync(async () => Usd((await FieldOffice(CountryGroup.LeastDeveloped)).TotalAmount) == 80m);

        var share = await FieldOffice(CountryGroup.LeastDeveloped);
        Assert.Equal((80m, 60m, 20m, "75.00"), (Usd(share.TotalAmount), Usd(share.FieldOfficeAmount), Usd(share.HeadquartersAmount), share.FieldOfficeSharePercent));
        Assert.Equal(780m, Usd((await FieldOffice(CountryGroup.Unspecified)).TotalAmount));
        var growth = await Client.ReportFundingGrowthAsync(new ReportFundingGrowthRequest
        {
            Year = 2011, GroupBy = FundingApprovalGrouping.Year, CountryGroup = CountryGroup.LeastDeveloped,
        });
        Assert.Equal((80m, 40m, "100.00"), (Usd(growth.TotalAmount), Usd(growth.PreviousTotalAmount), growth.TotalChangePercent));
        await RpcAssert.InvalidFields(() => Client.ReportFundingGrowthAsync(new ReportFundingGrowthRequest
        {
            Year = 2007, GroupBy = FundingApprovalGrouping.Theme, CountryGroup = CountryGroup.LeastDeveloped,
        }).ResponseAsync, "country_group");
    }

    [Fact]
    public async Task FinanceReports_WhenTheCountryGroupIsBad_NameTheFields()
    {
        var badDay = new Date { Year = 2007, Month = 13, Day = 1 };
        await RpcAssert.InvalidFields(() => Client.ReportDeliveryAsync(new ReportDeliveryRequest
        {
            GroupBy = DeliveryGrouping.Year, CountryGroup = (CountryGroup)9, CountryGroupOn = badDay,
        }).ResponseAsync, "country_group", "country_group_on");
        await RpcAssert.InvalidFields(() => Client.ReportExpenditureGrowthAsync(new ReportExpenditureGrowthRequest
        {
            Year = 2007, CountryGroup = (CountryGroup)9,
        }).ResponseAsync, "country_group");
        await RpcAssert.InvalidFields(() => Client.ReportFieldOfficeShareAsync(new ReportFieldOfficeShareRequest { CountryGroupOn = badDay }).ResponseAsync,
            "country_group_on");
    }

    private Task<FieldOfficeShareReport> FieldOffice(CountryGroup group) =>
        Client.ReportFieldOfficeShareAsync(new ReportFieldOfficeShareRequest { StartYear = 2011, EndYear = 2011, CountryGroup = group }).ResponseAsync;

    private async Task Approve(Partner partner, int year, MobilisedBy mobilisedBy, params (decimal Amount, string Country)[] parts)
    {
        var request = new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, Year = year, Amount = ProtoConvert.ToMoney(parts.Sum(p => p.Amount)), MobilisedBy = mobilisedBy,
        };
        request.Allocations.AddRange(parts.Select(p => new FundingAllocation { Amount = ProtoConvert.ToMoney(p.Amount), CountryCode = p.Country }));
        await Client.RecordFundingApprovalAsync(request);
    }
}
