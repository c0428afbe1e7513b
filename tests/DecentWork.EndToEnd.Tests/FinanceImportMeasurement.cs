using System.Diagnostics;
using System.Text;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Xunit.Abstractions;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// A measurement, not part of the suite: how long an import of N expenditure rows takes to reach
/// coordination's region comparison, where each row arrives as one ProjectFinanceChanged. It runs
/// only when DECENTWORK_MEASURE_IMPORT_ROWS gives N (root README, "Reports and writes at scale").
/// </summary>
public sealed class FinanceImportMeasurement(FinanceServices services, ITestOutputHelper output) : IClassFixture<FinanceServices>
{
    private const string Header = "source_line_id,project_code,transaction_type,transaction_date,amount,currency,amount_usd,description";

    [SkippableFact]
    public async Task ImportFinancialTransactions_WhenMeasured_PrintsTheSecondsUntilCoordinationCountsEveryRow()
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("DECENTWORK_MEASURE_IMPORT_ROWS"), out var n) ? n : 0;
        Skip.If(rows <= 0, "a measurement: set DECENTWORK_MEASURE_IMPORT_ROWS");
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(services.Partnerships.Channel);
        var comparison = new CoordinationV1.KnowledgeService.KnowledgeServiceClient(services.Coordination.ChannelFor(TestCaller.ProgrammeStaff));
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = $"Sweden {Guid.NewGuid():N}", Category = PartnershipsV1.PartnerCategory.BilateralGovernment, CountryCode = "SWE",
        });
        var project = await partnerships.RegisterProjectAsync(new PartnershipsV1.RegisterProjectRequest
        {
            Code = $"KEN/07/{Guid.NewGuid():N}"[..30], Title = "Youth employment", CountryCodes = { "KEN" }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(100_000_000m),
            StartDate = ProtoConvert.ToDate(new DateOnly(2007, 1, 1)), EndDate = ProtoConvert.ToDate(new DateOnly(2008, 12, 31)),
        });
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows; i++) csv.Append($"GL-{project.Code}-{i},{project.Code},expenditure,2007-06-30,1,USD,,\n");

        var clock = Stopwatch.StartNew();
        await partnerships.ImportFinancialTransactionsAsync(new PartnershipsV1.ImportFinancialTransactionsRequest
        {
            Csv = Google.Protobuf.ByteString.CopyFromUtf8(csv.ToString()),
        }, deadline: DateTime.UtcNow.AddMinutes(10));
        var imported = clock.Elapsed;
        await Eventually.Until(async () =>
                (await comparison.ReportRegionComparisonAsync(new CoordinationV1.ReportRegionComparisonRequest { Year = 2007 })).Rows
                .SingleOrDefault(r => r.Region == CoordinationV1.Region.Africa)?.Expenditure,
            usd => usd is not null && ProtoConvert.ToDecimal(usd) == rows, TimeSpan.FromMinutes(10), "every imported row in the comparison");
        var counted = clock.Elapsed;

        output.WriteLine($"{rows} rows: import answered after {imported.TotalSeconds:0.0} s; coordination counted every row after {counted.TotalSeconds:0.0} s");
    }
}
