using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Google.Type;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

public class FinancialTransactionServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly FinanceSteps _steps = new(fixture);

    private static RecordFinancialTransactionRequest Spend(Project project, decimal amount, string currency = "USD", decimal? usd = null, string line = "") => new()
    {
        ProjectId = project.Id, Type = FinancialTransactionType.Expenditure,
        TransactionDate = new Date { Year = 2007, Month = 6, Day = 30 },
        Amount = ProtoConvert.ToMoney(amount, currency), AmountUsd = usd is { } u ? ProtoConvert.ToMoney(u) : null, SourceLineId = line,
    };

    [Fact]
    public async Task RecordFinancialTransaction_WhenValid_IsListedWithTheProject()
    {
        var (partner, _) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 500_000m);

        var recorded = await _steps.Staff.RecordFinancialTransactionAsync(Spend(project, 9_000m, "EUR", 12_150.75m));
        var listed = await _steps.Staff.ListFinancialTransactionsAsync(new ListFinancialTransactionsRequest { ProjectId = project.Id });

        Assert.StartsWith("api:", recorded.SourceLineId);
        Assert.Equal(("EUR", 12_150.75m), (recorded.Amount.CurrencyCode, ProtoConvert.ToDecimal(recorded.AmountUsd)));
        Assert.Equal(recorded, Assert.Single(listed.Transactions));
    }

    [Fact]
    public async Task RecordFinancialTransaction_WhenTheSourceLineIsRecordedAgain_ChangesTheSameTransaction()
    {
        var (partner, _) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 500_000m);
        var line = FinanceSteps.NewLineId();

        var first = await _steps.Staff.RecordFinancialTransactionAsync(Spend(project, 1_000m, line: line));
        var same = await _steps.Staff.RecordFinancialTransactionAsync(Spend(project, 1_000m, line: line));
        var changed = await _steps.Staff.RecordFinancialTransactionAsync(Spend(project, 1_200m, line: line));

        Assert.Equal((first.Id, first.Version), (same.Id, same.Version));
        Assert.Equal((first.Id, 1, 1_200m), (changed.Id, changed.RevisionCount, ProtoConvert.ToDecimal(changed.Amount)));
        Assert.Single((await _steps.Staff.ListFinancialTransactionsAsync(new ListFinancialTransactionsRequest { ProjectId = project.Id })).Transactions);
    }

    [Fact]
    public async Task RecordFinancialTransaction_WhenOneSourceLineIsRecordedManyTimesAtOnce_KeepsOneTransactionAndEveryChange()
    {
        var (partner, _) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 500_000m);
        var line = FinanceSteps.NewLineId();
        var amounts = Enumerable.Range(1, 6).Select(i => 1_000m + i).ToList();

        // Six writers of one source line at once, each with its own amount: the first records race on
        // the line's key, the later changes on its version; every loser writes again on the winner's state.
        var answers = await Task.WhenAll(amounts.Select(a => _steps.Staff.RecordFinancialTransactionAsync(Spend(project, a, line: line)).ResponseAsync));

        var stored = Assert.Single((await _steps.Staff.ListFinancialTransactionsAsync(new ListFinancialTransactionsRequest { ProjectId = project.Id })).Transactions);
        // All amounts differ, so each write after the first replaced its predecessor's values: five revisions, none lost.
        Assert.Equal((6L, 5), (stored.Version, stored.RevisionCount));
        Assert.Equal(answers.MaxBy(a => a.Version), stored);
    }

    [Fact]
    public async Task RecordFinancialTransaction_WhenFieldsAreBad_NamesEachField()
    {
        await RpcAssert.InvalidFields(() => _steps.Staff.RecordFinancialTransactionAsync(new RecordFinancialTransactionRequest
        {
            ProjectId = "nope", Amount = ProtoConvert.ToMoney(5m, "XXZ"),
        }).ResponseAsync, "project_id", "type", "transaction_date", "amount.currency_code", "amount_usd");
    }

    [Fact]
    public async Task RecordFinancialTransaction_WhenDatedInTheFutureOrOutsideTheProject_IsRefused()
    {
        var (partner, _) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 500_000m, startYear: 2006, endYear: 2030);
        var old = await _steps.ProjectAsync(partner.Id, 500_000m, startYear: 2006, endYear: 2006);
        var future = Spend(project, 10m);
        future.TransactionDate = ProtoConvert.ToDate(DateOnly.FromDateTime(System.DateTime.UtcNow).AddDays(2));

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.Staff.RecordFinancialTransactionAsync(future).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.Staff.RecordFinancialTransactionAsync(Spend(old, 10m)).ResponseAsync);
    }

    [Fact]
    public async Task RecordFinancialTransaction_WhenTheCallerIsAnAuditor_IsPermissionDenied()
    {
        var auditor = new PartnershipsService.PartnershipsServiceClient(fixture.Service.ChannelFor(TestCaller.Auditor));
        var (partner, _) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 500_000m);

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => auditor.RecordFinancialTransactionAsync(Spend(project, 1m)).ResponseAsync);
    }
}
