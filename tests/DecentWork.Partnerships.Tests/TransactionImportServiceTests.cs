using System.Text;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Google.Protobuf;

namespace DecentWork.Partnerships.Tests;

public class TransactionImportServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly FinanceSteps _steps = new(fixture);

    private async Task<Project> ProjectAsync()
    {
        var (partner, _) = await _steps.ApprovalAsync(1_000_000m);
        return await _steps.ProjectAsync(partner.Id, 500_000m);
    }

    private async Task<List<FinancialTransaction>> TransactionsOf(Project project) =>
        [.. (await _steps.Staff.ListFinancialTransactionsAsync(new ListFinancialTransactionsRequest { ProjectId = project.Id })).Transactions];

    [Fact]
    public async Task ImportFinancialTransactions_WhenDryRun_PreviewsAndWritesNothing()
    {
        var project = await ProjectAsync();
        var rows = new[]
        {
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "commitment", "2007-02-01", "50000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", "2007-03-01", "9000", "EUR", "12150.75", "\"Training, Lusaka\""),
        };

        var preview = await _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(dryRun: true, rows));

        Assert.Equal((true, 2, 0, 0, ""), (preview.DryRun, preview.NewCount, preview.ChangedCount, preview.UnchangedCount, preview.ImportId));
        Assert.Equal([2, 3], preview.Rows.Select(r => r.Line));
        Assert.Empty(await TransactionsOf(project));
    }

    [Fact]
    public async Task ImportFinancialTransactions_WhenOneFileIsImportedSeveralTimesAtOnce_AllSucceedAndEachLineIsRecordedOnce()
    {
        var project = await ProjectAsync();
        var rows = Enumerable.Range(1, 3).Select(i => FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", $"2007-03-0{i}", $"{1_000 * i}")).ToArray();

        // Each import first finishes any import staged and not yet applied, so racing calls apply each
        // other's files too: they meet on the same transactions and on marking the same import applied.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false, rows)).ResponseAsync));

        Assert.All(answers, a => Assert.Equal((3, 0), (a.NewCount + a.UnchangedCount, a.ChangedCount)));
        var stored = await TransactionsOf(project);
        Assert.Equal([1_000m, 2_000m, 3_000m], stored.Select(t => ProtoConvert.ToDecimal(t.Amount)).Order());
        Assert.All(stored, t => Assert.Equal((1L, 0), (t.Version, t.RevisionCount)));
    }

    [Fact]
    public async Task ImportFinancialTransactions_WhenImportedAgain_CountsUnchangedAndChangedLinesAndAddsNoDuplicate()
    {
        var project = await ProjectAsync();
        var (a, b) = (FinanceSteps.NewLineId(), FinanceSteps.NewLineId());
        var first = await _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false,
            FinanceSteps.Row(a, project, "expenditure", "2007-03-01", "1000"), FinanceSteps.Row(b, project, "disbursement", "2007-04-01", "2000")));

        var preview = await _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(true,
            FinanceSteps.Row(a, project, "expenditure", "2007-03-01", "1000"), FinanceSteps.Row(b, project, "disbursement", "2007-04-01", "2500")));
        var again = await _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false,
            FinanceSteps.Row(a, project, "expenditure", "2007-03-01", "1000"), FinanceSteps.Row(b, project, "disbursement", "2007-04-01", "2500")));
        var thirdTime = await _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false,
            FinanceSteps.Row(a, project, "4", "2007-03-01", "1000.00"), FinanceSteps.Row(b, project, "disbursement", "2007-04-01", "2500")));

        Assert.Equal((2, 0, 0), (first.NewCount, first.ChangedCount, first.UnchangedCount));
        Assert.Equal((0, 1, 1), (preview.NewCount, preview.ChangedCount, preview.UnchangedCount));
        Assert.Equal((0, 1, 1), (again.NewCount, again.ChangedCount, again.UnchangedCount));
        Assert.Equal((0, 0, 2, ""), (thirdTime.NewCount, thirdTime.ChangedCount, thirdTime.UnchangedCount, thirdTime.ImportId));
        var stored = await TransactionsOf(project);
        Assert.Equal(2, stored.Count);
        var changed = stored.Single(t => t.SourceLineId == b);
        Assert.Equal((2_500m, 1), (ProtoConvert.ToDecimal(changed.Amount), changed.RevisionCount));
    }

    [Fact]
    public async Task ImportFinancialTransactions_WhenAnyRowIsBad_NamesEachRowAndColumnAndWritesNothing()
    {
        var project = await ProjectAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd");
        var duplicate = FinanceSteps.NewLineId();
        var csv = FinanceSteps.Csv(false,
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", "2007-03-01", "1000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "refund", "2007-13-01", "12abc", "EUR"),
            FinanceSteps.Row(duplicate, project, "expenditure", future, "10", "ZZZ", "10"),
            FinanceSteps.Row(duplicate, project, "expenditure", "2007-03-01", "10"),
            $"{FinanceSteps.NewLineId()},NO-SUCH-PROJECT,expenditure,2007-03-01,10,USD,,",
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", "2001-03-01", "10"));

        var bad = await RpcAssert.InvalidFields(() => _steps.Staff.ImportFinancialTransactionsAsync(csv).ResponseAsync,
            "csv.line[3].transaction_type", "csv.line[3].transaction_date", "csv.line[3].amount", "csv.line[3].amount_usd",
            "csv.line[4].currency", "csv.line[5].source_line_id", "csv.line[6].project_code", "csv.line[7].transaction_date");

        Assert.Contains(bad.FieldViolations, v => v.Field == "csv.line[5].source_line_id" && v.Description.Contains("line 4"));
        Assert.Empty(await TransactionsOf(project));
    }

    [Fact]
    public async Task ImportFinancialTransactions_WhenARowIsInTheFuture_RefusesTheWholeFile()
    {
        var project = await _steps.ProjectAsync((await _steps.ApprovalAsync(1m)).Partner.Id, 500_000m, startYear: 2006, endYear: 2040);
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd");

        await RpcAssert.InvalidFields(() => _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false,
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", "2007-03-01", "1000"),
            FinanceSteps.Row(FinanceSteps.NewLineId(), project, "expenditure", future, "1000"))).ResponseAsync, "csv.line[3].transaction_date");

        Assert.Empty(await TransactionsOf(project));
    }

    [Fact]
    public async Task ImportFinancialTransactions_WhenTheFileIsMalformed_NamesTheProblem()
    {
        await RpcAssert.InvalidFields(() => _steps.Staff.ImportFinancialTransactionsAsync(new ImportFinancialTransactionsRequest()).ResponseAsync, "csv");
        await RpcAssert.InvalidFields(() => _steps.Staff.ImportFinancialTransactionsAsync(new ImportFinancialTransactionsRequest
        {
            Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes("source_line_id,project,amount\r\nA,B,1\r\n")),
        }).ResponseAsync, "csv.line[1]");
        await RpcAssert.InvalidFields(() => _steps.Staff.ImportFinancialTransactionsAsync(new ImportFinancialTransactionsRequest
        {
            Csv = ByteString.CopyFrom(Encoding.UTF8.GetBytes(FinanceSteps.Header + "\r\nA,B,\"unclosed\r\n")),
        }).ResponseAsync, "csv.line[2]");
        await RpcAssert.InvalidFields(() => _steps.Staff.ImportFinancialTransactionsAsync(new ImportFinancialTransactionsRequest
        {
            Csv = ByteString.CopyFrom([0xff, 0xfe, 0x00]),
        }).ResponseAsync, "csv");
    }

    [Fact]
    public async Task ImportFinancialTransactions_WhenTheFileIsTooLarge_IsRefusedWithItsSize()
    {
        var big = new ImportFinancialTransactionsRequest { Csv = ByteString.CopyFrom(new byte[512 * 1024 + 1]) };

        var bad = await RpcAssert.InvalidFields(() => _steps.Staff.ImportFinancialTransactionsAsync(big).ResponseAsync, "csv");

        Assert.Contains("at most 524288 bytes", bad.FieldViolations[0].Description);
    }
}
