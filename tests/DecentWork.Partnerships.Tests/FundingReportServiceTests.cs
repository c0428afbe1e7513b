using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Region = DecentWork.Contracts.Programming.V1.IloRegion;

namespace DecentWork.Partnerships.Tests;

/// <summary>The report RPCs over gRPC. Each test uses years no other test in this class writes.</summary>
public class FundingReportServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task<Partner> NewPartner(string name) => await _client.RegisterPartnerAsync(Requests.Partner(name));

    private async Task Approve(Partner partner, int year, FundingSource source = FundingSource.ExtraBudgetary,
        MobilisedBy by = MobilisedBy.Unspecified, params (decimal Amount, string Country, Region Region)[] parts)
    {
        var request = new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, Year = year, Source = source, MobilisedBy = by,
            Amount = ProtoConvert.ToMoney(parts.Sum(p => p.Amount)),
        };
        request.Allocations.AddRange(parts.Select(p => new FundingAllocation { Amount = ProtoConvert.ToMoney(p.Amount), CountryCode = p.Country, Region = p.Region }));
        await _client.RecordFundingApprovalAsync(request);
    }

    private Task<ReportFundingApprovalsResponse> Report(FundingApprovalGrouping by, int limit = 0) =>
        _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest { GroupBy = by, StartYear = 1995, EndYear = 1996, Limit = limit }).ResponseAsync;

    private static IEnumerable<(string, decimal, string)> Rows(ReportFundingApprovalsResponse r) =>
        r.Totals.Select(t => (t.Key, ProtoConvert.ToDecimal(t.Amount), t.SharePercent));

    [Fact]
    public async Task ReportFundingApprovals_GroupsThePeriodByPartnerYearSourceAndRegion()
    {
        var eu = await NewPartner("European Union");
        await Approve(eu, 1996, parts: [(30_000_000m, "ZMB", 0), (35_800_000m, "", Region.EuropeCentralAsia)]);
        await Approve(await NewPartner("Norway"), 1996, FundingSource.Rbsa, parts: [(30_000_000m, "", Region.Africa)]);
        await Approve(await NewPartner("Japan"), 1995, FundingSource.RegularBudgetTc, parts: [(10_000_000m, "KHM", 0)]);
        await Approve(eu, 1997, parts: [(5_000_000m, "", 0)]); // outside the period

        var top = await Report(FundingApprovalGrouping.Partner, limit: 1);
        Assert.Equal((105_800_000m, 3), (ProtoConvert.ToDecimal(top.TotalAmount), top.ApprovalCount));
        Assert.Equal([(eu.Id, 65_800_000m, "62.19")], Rows(top));
        Assert.Equal(eu.Name, top.Totals[0].Label);
        Assert.Equal([("1995", 10_000_000m, "9.45"), ("1996", 95_800_000m, "90.55")], Rows(await Report(FundingApprovalGrouping.Year)));
        Assert.Equal(["FUNDING_SOURCE_EXTRA_BUDGETARY", "FUNDING_SOURCE_RBSA", "FUNDING_SOURCE_REGULAR_BUDGET_TC"],
            (await Report(FundingApprovalGrouping.Source)).Totals.Select(t => t.Key));
        var regions = await Report(FundingApprovalGrouping.Region);
        Assert.Equal([("ILO_REGION_AFRICA", 60_000_000m, "56.71"), ("ILO_REGION_EUROPE_CENTRAL_ASIA", 35_800_000m, "33.84"), ("ILO_REGION_ASIA_PACIFIC", 10_000_000m, "9.45")],
            Rows(regions));
        Assert.Equal(("Africa", 2), (regions.Totals[0].Label, regions.Totals[0].ApprovalCount));
    }

    [Fact]
    public async Task ReportFieldOfficeShare_SharesThePeriodByWhoMobilisedIt()
    {
        var partner = await NewPartner("Netherlands");
        await Approve(partner, 2001, by: MobilisedBy.FieldOffice, parts: [(30m, "", 0)]);
        await Approve(partner, 2001, by: MobilisedBy.Headquarters, parts: [(60m, "", 0)]);
        await Approve(partner, 2001, parts: [(10m, "", 0)]);
        await Approve(partner, 2002, by: MobilisedBy.FieldOffice, parts: [(1000m, "", 0)]);

        var share = await _client.ReportFieldOfficeShareAsync(new ReportFieldOfficeShareRequest { StartYear = 2001, EndYear = 2001 });

        Assert.Equal((100m, 30m, 60m, 10m, "30.00"), (ProtoConvert.ToDecimal(share.TotalAmount), ProtoConvert.ToDecimal(share.FieldOfficeAmount),
            ProtoConvert.ToDecimal(share.HeadquartersAmount), ProtoConvert.ToDecimal(share.NotRecordedAmount), share.FieldOfficeSharePercent));
    }

    [Fact]
    public async Task ReportAfricaShare_GivesTheShareAndTheChangeOnTheYearBeforeThePeriod()
    {
        var partner = await NewPartner("Denmark");
        await Approve(partner, 2012, parts: [(100m, "KEN", 0), (900m, "BRA", 0)]);
        await Approve(partner, 2013, parts: [(114.5m, "", Region.Africa), (935.5m, "", 0)]);

        var report = await _client.ReportAfricaShareAsync(new ReportAfricaShareRequest { StartYear = 2013, EndYear = 2014 });

        Assert.Equal([(2013, 114.5m, 1050m, "10.90", "14.50", "5.00"), (2014, 0m, 0m, "", "-100.00", "-100.00")],
            report.Years.Select(y => (y.Year, ProtoConvert.ToDecimal(y.AfricaAmount), ProtoConvert.ToDecimal(y.TotalAmount),
                y.AfricaSharePercent, y.AfricaChangePercent, y.TotalChangePercent)));
    }

    [Fact]
    public async Task ReportFundingApprovals_WhenFilteredToRbsa_GivesRbsaByRegion()
    {
        // The paper: US$44 million of RBSA for 2008-09, US$22 million of it for Africa.
        await Approve(await NewPartner("Netherlands"), 2008, FundingSource.Rbsa, parts: [(12_000_000m, "", Region.Africa), (8_000_000m, "", Region.AsiaPacific)]);
        await Approve(await NewPartner("Sweden"), 2009, FundingSource.Rbsa, parts: [(10_000_000m, "", Region.Africa), (14_000_000m, "", Region.Americas)]);
        await Approve(await NewPartner("Italy"), 2008, parts: [(50_000_000m, "", Region.Africa)]);

        var rbsa = await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = FundingApprovalGrouping.Region, Source = FundingSource.Rbsa, StartYear = 2008, EndYear = 2009,
        });

        Assert.Equal(44_000_000m, ProtoConvert.ToDecimal(rbsa.TotalAmount));
        Assert.Equal(("ILO_REGION_AFRICA", 22_000_000m, "50.00"), Rows(rbsa).First());
    }

    [Fact]
    public async Task Reports_WhenThePeriodOrGroupingIsBad_AreInvalid()
    {
        await RpcAssert.InvalidFields(() => _client.ReportFundingApprovalsAsync(
            new ReportFundingApprovalsRequest { StartYear = 1989, EndYear = 2000, Limit = -1, Source = (FundingSource)7 }).ResponseAsync,
            "group_by", "start_year", "limit", "source");
        await RpcAssert.InvalidFields(() => _client.ReportFieldOfficeShareAsync(
            new ReportFieldOfficeShareRequest { StartYear = 2008, EndYear = 2007 }).ResponseAsync, "end_year");
        await RpcAssert.InvalidFields(() => _client.ReportAfricaShareAsync(new ReportAfricaShareRequest()).ResponseAsync, "start_year", "end_year");
        await RpcAssert.InvalidFields(() => _client.ReportAfricaShareAsync(
            new ReportAfricaShareRequest { StartYear = 1990, EndYear = 2040 }).ResponseAsync, "end_year");
    }

    [Fact]
    public async Task ReportFundingApprovals_ByPartnerCategory_RanksTheCategoriesOfThePeriod()
    {
        var eu = await _client.RegisterPartnerAsync(Requests.Partner("European Union", PartnerCategory.EuropeanUnion));
        var fund = await _client.RegisterPartnerAsync(Requests.Partner("UNDP-Spain MDG Achievement Fund", PartnerCategory.UnSystem));
        await Approve(eu, 2021, parts: [(65_800_000m, "", 0)]);
        await Approve(fund, 2021, parts: [(4_000_000m, "ALB", 0)]);
        await Approve(fund, 2022, parts: [(1_000_000m, "ALB", 0)]);
        await Approve(await NewPartner("Norway"), 2021, parts: [(4_000_000m, "", 0)]);

        var report = await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = FundingApprovalGrouping.PartnerCategory, StartYear = 2021, EndYear = 2021,
        });

        Assert.Equal([("PARTNER_CATEGORY_EUROPEAN_UNION", "European Union", 65_800_000m, 1, 1), ("PARTNER_CATEGORY_BILATERAL_GOVERNMENT", "Bilateral governments", 4_000_000m, 1, 2),
                ("PARTNER_CATEGORY_UN_SYSTEM", "UN system", 4_000_000m, 1, 2)],
            report.Totals.Select(t => (t.Key, t.Label, ProtoConvert.ToDecimal(t.Amount), t.ApprovalCount, t.Rank)));
        Assert.Equal(73_800_000m, ProtoConvert.ToDecimal(report.TotalAmount));
    }

    [Fact]
    public async Task ReportFundingApprovals_RanksEveryGroupEvenBeyondTheLimitAndYearsByAmount()
    {
        var eu = await _client.RegisterPartnerAsync(Requests.Partner("European Union", PartnerCategory.EuropeanUnion));
        await Approve(eu, 2031, parts: [(65_800_000m, "", 0)]);
        await Approve(await NewPartner("United States"), 2030, parts: [(70_000_000m, "", 0)]);

        var top = await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = FundingApprovalGrouping.Partner, StartYear = 2031, EndYear = 2031, Limit = 1,
        });
        var years = await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest { GroupBy = FundingApprovalGrouping.Year, StartYear = 2030, EndYear = 2031 });

        Assert.Equal((eu.Id, 1, "100.00"), (top.Totals.Single().Key, top.Totals.Single().Rank, top.Totals.Single().SharePercent));
        Assert.Equal([("2030", 1), ("2031", 2)], years.Totals.Select(t => (t.Key, t.Rank)));
    }
}
