using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Issue 13, money after approval, end to end through the gateway: an approval, a project budget
/// funded by it, expenditure imported from the finance system's CSV (a dry run first, a bad file
/// refused whole), then the delivery report, in gRPC, JSON and CSV. The corrections work extends
/// this flow with an amended approval (see <see cref="FinanceFlow"/>).
/// </summary>
public class ProjectFinanceFlowTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    /// <summary>What the flow made, for tests that carry on from it.</summary>
    internal sealed record FinanceFlow(PartnershipsV1.Partner Partner, PartnershipsV1.FundingApproval Approval, PartnershipsV1.Project Project);

    private const string Header = "source_line_id,project_code,transaction_type,transaction_date,amount,currency,amount_usd,description";

    internal static async Task<FinanceFlow> BudgetedProjectAsync(Platform platform, string country)
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(platform.GatewayGrpc);
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(platform.GatewayGrpc);
        var programme = await ProgrammeSteps.ApproveAsync(platform, programmes, country, 2_000_000m);
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = $"Sweden {Guid.NewGuid():N}", Category = PartnershipsV1.PartnerCategory.BilateralGovernment, CountryCode = "SWE",
        });
        var approval = await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(new PartnershipsV1.RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, ProgrammeId = programme.Id, Amount = ProtoConvert.ToMoney(1_000_000m), Year = 2007,
        }).ResponseAsync, what: "partnerships to learn of the programme");
        var project = await partnerships.RegisterProjectAsync(new PartnershipsV1.RegisterProjectRequest
        {
            Code = $"{country}/07/{Guid.NewGuid():N}"[..30], Title = "Skills for rural employment", CountryCodes = { country }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(800_000m),
            StartDate = ProtoConvert.ToDate(new DateOnly(2007, 1, 1)), EndDate = ProtoConvert.ToDate(new DateOnly(2008, 12, 31)),
        });
        await partnerships.SetProjectBudgetLineAsync(new PartnershipsV1.SetProjectBudgetLineRequest
        {
            ProjectId = project.Id, FundingApprovalId = approval.Id, Year = 2007, Amount = ProtoConvert.ToMoney(400_000m),
        });
        return new FinanceFlow(partner, approval, project);
    }

    [Fact]
    public async Task ApprovalToBudgetToImportedExpenditure_ReachesTheDeliveryReport()
    {
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var flow = await BudgetedProjectAsync(Platform, "GHA");
        var code = flow.Project.Code;

        // The approval funds no more than its amount: 600,000 of it is left, not a cent more.
        var over = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => partnerships.SetProjectBudgetLineAsync(new PartnershipsV1.SetProjectBudgetLineRequest
        {
            ProjectId = flow.Project.Id, FundingApprovalId = flow.Approval.Id, Year = 2008, Amount = ProtoConvert.ToMoney(600_000.01m),
        }).ResponseAsync);
        Assert.Contains("600,000.00", over.Status.Detail);

        var good = Csv($"GL-{code}-1,{code},expenditure,2007-05-31,80000,USD,,Training of trainers",
            $"GL-{code}-2,{code},disbursement,2007-06-30,150000,USD,,",
            $"GL-{code}-3,{code},expenditure,2007-09-30,15000,EUR,20000,\"Workshop, Accra\"");
        // A bad file is refused whole, naming its row and column, and writes nothing.
        var bad = Csv($"GL-{code}-1,{code},expenditure,2007-05-31,80000,USD,,", $"GL-{code}-9,{code},expenditure,2007-06-31,1,USD,,");
        var refused = await RpcAssert.InvalidFields(() => partnerships.ImportFinancialTransactionsAsync(
            new PartnershipsV1.ImportFinancialTransactionsRequest { Csv = Google.Protobuf.ByteString.CopyFrom(bad) }).ResponseAsync,
            "csv.line[3].transaction_date");
        Assert.NotEmpty(refused.FieldViolations);

        // The dry run through the JSON route (bytes as base64) previews and writes nothing.
        using var preview = await Platform.GatewayJson.PostAsJsonAsync("/v1/projects/transactions:import",
            new { csv = Convert.ToBase64String(good), dryRun = true });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((3, true), (previewed.GetProperty("newCount").GetInt32(), previewed.GetProperty("dryRun").GetBoolean()));
        Assert.Empty((await partnerships.ListFinancialTransactionsAsync(new PartnershipsV1.ListFinancialTransactionsRequest { ProjectId = flow.Project.Id })).Transactions);

        var imported = await partnerships.ImportFinancialTransactionsAsync(new PartnershipsV1.ImportFinancialTransactionsRequest { Csv = Google.Protobuf.ByteString.CopyFrom(good) });
        var again = await partnerships.ImportFinancialTransactionsAsync(new PartnershipsV1.ImportFinancialTransactionsRequest { Csv = Google.Protobuf.ByteString.CopyFrom(good) });
        Assert.Equal((3, 0), (imported.NewCount, imported.UnchangedCount));
        Assert.Equal((0, 3), (again.NewCount, again.UnchangedCount));

        var delivery = await partnerships.ReportDeliveryAsync(new PartnershipsV1.ReportDeliveryRequest
        {
            GroupBy = PartnershipsV1.DeliveryGrouping.Project, StartYear = 2007, EndYear = 2007,
        });
        var row = Assert.Single(delivery.Rows, r => r.Key == flow.Project.Id);
        Assert.Equal((400_000m, 150_000m, 100_000m, "25.00"),
            (ProtoConvert.ToDecimal(row.Budget), ProtoConvert.ToDecimal(row.Disbursements), ProtoConvert.ToDecimal(row.Expenditure), row.DeliveryRatePercent));

        // The same report as the JSON route's CSV download, and as the partner agency sees it.
        var csv = Encoding.UTF8.GetString(await Platform.GatewayJson.GetByteArrayAsync(
            "/v1/projects/reports:delivery?groupBy=DELIVERY_GROUPING_PROJECT&startYear=2007&endYear=2007&format=csv"));
        Assert.Contains(csv.Split('\n'), line => line.StartsWith(flow.Project.Id, StringComparison.Ordinal) && line.Contains(",25.00", StringComparison.Ordinal));
        var agency = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpcFor(TestCaller.PartnerAgency(flow.Partner.Name)));
        var seen = await agency.ReportDeliveryAsync(new PartnershipsV1.ReportDeliveryRequest { GroupBy = PartnershipsV1.DeliveryGrouping.Project });
        Assert.Equal([flow.Project.Id], seen.Rows.Select(r => r.Key));
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");
}
