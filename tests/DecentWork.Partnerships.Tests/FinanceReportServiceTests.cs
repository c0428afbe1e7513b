using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;

namespace DecentWork.Partnerships.Tests;

public class FinanceReportServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly FinanceSteps _steps = new(fixture);

    private Task Import(params string[] rows) => _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false, rows)).ResponseAsync;

    private static decimal Usd(Google.Type.Money money) => ProtoConvert.ToDecimal(money);

    [Fact]
    public async Task ReportDelivery_ByProject_DividesExpenditureByBudget()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 800_000m);
        await _steps.BudgetAsync(project, approval, 2007, 400_000m);
        await Import(FinanceSteps.Row(FinanceSteps.NewLineId(), project, "commitment", "2007-01-15", "300000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "disbursement", "2007-02-15", "200000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", "2007-03-15", "100000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", "2007-09-15", "8000", "EUR", "10000"));

        var report = await _steps.Staff.ReportDeliveryAsync(new ReportDeliveryRequest { GroupBy = DeliveryGrouping.Project, StartYear = 2007, EndYear = 2007 });

        var row = Assert.Single(report.Rows, r => r.Key == project.Id);
        Assert.Equal((project.Code, 400_000m, 300_000m, 200_000m, 110_000m, "27.50"),
            (row.Label, Usd(row.Budget), Usd(row.Commitments), Usd(row.Disbursements), Usd(row.Expenditure), row.DeliveryRatePercent));
    }

    [Fact]
    public async Task ReportDelivery_WhenALineIsReimportedChanged_MovesTheMoneyNotAddsIt()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 800_000m);
        await _steps.BudgetAsync(project, approval, 2006, 100_000m);
        await _steps.BudgetAsync(project, approval, 2007, 100_000m);
        var line = FinanceSteps.NewLineId();
        await Import(FinanceSteps.Row(line, project, "expenditure", "2006-12-30", "50000"));
        await Import(FinanceSteps.Row(line, project, "expenditure", "2007-01-03", "60000"));

        var report = await _steps.Staff.ReportDeliveryAsync(new ReportDeliveryRequest { GroupBy = DeliveryGrouping.Project });
        var byYear2006 = await _steps.Staff.ReportDeliveryAsync(new ReportDeliveryRequest { GroupBy = DeliveryGrouping.Project, StartYear = 2006, EndYear = 2006 });

        Assert.Equal((200_000m, 60_000m, "30.00"), Single(report, project) is var r ? (Usd(r.Budget), Usd(r.Expenditure), r.DeliveryRatePercent) : default);
        Assert.Equal(0m, Usd(Single(byYear2006, project).Expenditure));
    }

    [Fact]
    public async Task ReportDelivery_ForAPartnerAgency_CountsOnlyTheProjectsItFunds()
    {
        var (mine, myApproval) = await _steps.ApprovalAsync(1_000_000m);
        var (theirs, theirApproval) = await _steps.ApprovalAsync(1_000_000m);
        var myProject = await _steps.ProjectAsync(mine.Id, 500_000m, country: "KEN");
        var theirProject = await _steps.ProjectAsync(theirs.Id, 500_000m, country: "KEN");
        await _steps.BudgetAsync(myProject, myApproval, 2008, 100_000m);
        await _steps.BudgetAsync(theirProject, theirApproval, 2008, 300_000m);
        var agency = new PartnershipsService.PartnershipsServiceClient(fixture.Service.ChannelFor(TestCaller.PartnerAgency(mine.Name)));

        var seen = await agency.ReportDeliveryAsync(new ReportDeliveryRequest { GroupBy = DeliveryGrouping.Project, StartYear = 2008, EndYear = 2008 });
        var staff = await _steps.Staff.ReportDeliveryAsync(new ReportDeliveryRequest { GroupBy = DeliveryGrouping.Project, StartYear = 2008, EndYear = 2008 });

        Assert.Equal([myProject.Id], seen.Rows.Select(r => r.Key));
        Assert.Equal(100_000m, Usd(seen.Total.Budget));
        Assert.Contains(staff.Rows, r => r.Key == theirProject.Id);
    }

    [Fact]
    public async Task ReportDelivery_ByCountryAndYear_TotalsTheFlowsOfEachPair()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m, 1999);
        var project = await _steps.ProjectAsync(partner.Id, 800_000m, country: "NPL", startYear: 1998, endYear: 1999);
        await _steps.BudgetAsync(project, approval, 1999, 200_000m);
        await Import(FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", "1998-05-01", "10000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", "1999-05-01", "50000"));

        var report = await _steps.Staff.ReportDeliveryAsync(new ReportDeliveryRequest { GroupBy = DeliveryGrouping.CountryYear, StartYear = 1998, EndYear = 1999 });

        Assert.Equal([("NPL|1998", 0m, 10_000m, ""), ("NPL|1999", 200_000m, 50_000m, "25.00")],
            report.Rows.Select(r => (r.Key, Usd(r.Budget), Usd(r.Expenditure), r.DeliveryRatePercent)));
    }

    [Fact]
    public async Task ReportExpenditureGrowth_ByRegion_ComparesWithThePreviousYearAndOverall()
    {
        var (partner, _) = await _steps.ApprovalAsync(1_000_000m, 1996);
        var africa = await _steps.ProjectAsync(partner.Id, 10_000_000m, country: "TZA", startYear: 1995, endYear: 1997);
        var asia = await _steps.ProjectAsync(partner.Id, 10_000_000m, country: "VNM", startYear: 1995, endYear: 1997);
        await Import(FinanceSteps.Row(FinanceSteps.NewLineId(), africa, "expenditure", "1995-06-01", "1000000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), africa, "expenditure", "1996-06-01", "1145000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), asia, "expenditure", "1995-06-01", "3000000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), asia, "expenditure", "1996-06-01", "3055000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), asia, "commitment", "1996-06-01", "9000000"));

        var report = await _steps.Staff.ReportExpenditureGrowthAsync(new ReportExpenditureGrowthRequest { Year = 1996 });

        Assert.Equal([("ILO_REGION_AFRICA", "14.50"), ("ILO_REGION_ASIA_PACIFIC", "1.83")], report.Regions.Select(r => (r.Key, r.ChangePercent)));
        Assert.Equal((4_000_000m, 4_200_000m, "5.00"), (Usd(report.Overall.PreviousExpenditure), Usd(report.Overall.Expenditure), report.Overall.ChangePercent));
    }

    [Fact]
    public async Task ReportExpenditureGrowth_WhenTheYearIsMissing_NamesIt()
    {
        await RpcAssert.InvalidFields(() => _steps.Staff.ReportExpenditureGrowthAsync(new ReportExpenditureGrowthRequest()).ResponseAsync, "year");
        await RpcAssert.InvalidFields(() => _steps.Staff.ReportDeliveryAsync(new ReportDeliveryRequest { EndYear = 1 }).ResponseAsync, "group_by", "end_year");
    }

    private static DeliveryRow Single(ReportDeliveryResponse report, Project project) => Assert.Single(report.Rows, r => r.Key == project.Id);
}
