using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// Corrections of an approval that projects budget from: an amendment below the budgeted amount and a
/// cancellation are refused, a cancelled approval funds no line, and neither race ends over-committed.
/// </summary>
public class BudgetedApprovalCorrectionTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly FinanceSteps _steps = new(fixture);

    private Task<FundingApproval> AmendAsync(FundingApproval approval, decimal amount) =>
        _steps.Staff.AmendFundingApprovalAsync(new AmendFundingApprovalRequest
        {
            Id = approval.Id, Amount = ProtoConvert.ToMoney(amount), Reason = "Donor revised the tranche",
        }).ResponseAsync;

    private Task<FundingApproval> CancelAsync(FundingApproval approval) =>
        _steps.Staff.CancelFundingApprovalAsync(new CancelFundingApprovalRequest { Id = approval.Id, Reason = "Recorded twice" }).ResponseAsync;

    private async Task<decimal> BudgetedAsync(Project project) =>
        ProtoConvert.ToDecimal((await _steps.Staff.GetProjectBudgetAsync(new GetProjectBudgetRequest { ProjectId = project.Id })).Budgeted);

    private async Task<decimal> AmountAsync(FundingApproval approval) =>
        ProtoConvert.ToDecimal((await _steps.Staff.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = approval.Id })).Amount);

    [Fact]
    public async Task AmendFundingApproval_WhenBelowWhatProjectsBudget_IsRefusedNamingTheBudgetedAmount()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        await _steps.BudgetAsync(await _steps.ProjectAsync(partner.Id, 900_000m), approval, 2007, 400_000m);
        await _steps.BudgetAsync(await _steps.ProjectAsync(partner.Id, 900_000m), approval, 2007, 300_000m);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => AmendAsync(approval, 699_999.99m));

        Assert.Contains("US$700,000.00", error.Status.Detail);
        Assert.Contains("2 project(s)", error.Status.Detail);
        Assert.Equal(1_000_000m, await AmountAsync(approval));
    }

    [Fact]
    public async Task AmendFundingApproval_WhenDownToWhatProjectsBudget_LowersWhatIsLeftToFund()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 900_000m);
        await _steps.BudgetAsync(project, approval, 2007, 600_000m);

        var amended = await AmendAsync(approval, 600_000m);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.BudgetAsync(project, approval, 2006, 0.01m));
        var raised = await AmendAsync(amended, 700_000m);
        var budget = await _steps.BudgetAsync(project, approval, 2006, 100_000m);

        Assert.Contains("US$0.00 left", error.Status.Detail);
        Assert.Equal(700_000m, ProtoConvert.ToDecimal(raised.Amount));
        Assert.Equal(700_000m, ProtoConvert.ToDecimal(budget.Budgeted));
    }

    [Fact]
    public async Task CancelFundingApproval_WhenProjectsBudgetFromIt_IsRefusedUntilTheLinesAreRemoved()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 900_000m);
        await _steps.BudgetAsync(project, approval, 2007, 250_000m);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => CancelAsync(approval));
        await _steps.BudgetAsync(project, approval, 2007, 0m);
        var cancelled = await CancelAsync(approval);

        Assert.Contains("US$250,000.00", error.Status.Detail);
        Assert.Contains("cannot be cancelled", error.Status.Detail);
        Assert.Equal(FundingApprovalStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenTheApprovalIsCancelled_IsRefused()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 900_000m);
        await CancelAsync(approval);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.BudgetAsync(project, approval, 2007, 1m));

        Assert.Contains("cancelled", error.Status.Detail);
        Assert.Equal(0m, await BudgetedAsync(project));
    }

    [Theory]
    [InlineData(500_000, false)]
    [InlineData(650_000, false)]
    [InlineData(0, true)]
    public async Task AmendFundingApproval_WhenBudgetLinesAreWrittenAtTheSameTime_NeverEndsOverCommitted(int lowerTo, bool cancel)
    {
        for (var round = 0; round < 3; round++)
        {
            var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
            var projects = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _steps.ProjectAsync(partner.Id, 400_000m)));

            // Eight lines of 150,000 (1,200,000 wanted against 1,000,000) while the approval is lowered or cancelled.
            // The correction starts after 0, 3 or 6 of the lines, so each round meets another interleaving.
            var writes = projects.Select(p => (Func<Task<(StatusCode Code, bool IsBudgetLine)>>)(() =>
                Outcome(() => _steps.BudgetAsync(p, approval, 2007, 150_000m)))).ToList();
            writes.Insert(round * 3, () => Outcome(() => cancel ? CancelAsync(approval) : AmendAsync(approval, lowerTo)));
            var outcomes = await Task.WhenAll(writes.Select(start => start()));

            var read = await _steps.Staff.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = approval.Id });
            var ceiling = read.Status == FundingApprovalStatus.Cancelled ? 0m : ProtoConvert.ToDecimal(read.Amount);
            var budgeted = 0m;
            foreach (var p in projects) budgeted += await BudgetedAsync(p);
            Assert.True(budgeted <= ceiling, $"Round {round}: projects budget {budgeted} from an approval that now funds {ceiling}.");
            Assert.Equal(outcomes.Count(o => o.Code == StatusCode.OK && o.IsBudgetLine) * 150_000m, budgeted);
            Assert.All(outcomes, o => Assert.Contains(o.Code, new[] { StatusCode.OK, StatusCode.FailedPrecondition, StatusCode.Aborted }));
        }
    }

    private static async Task<(StatusCode Code, bool IsBudgetLine)> Outcome<T>(Func<Task<T>> write)
    {
        try
        {
            var answer = await write();
            return (StatusCode.OK, answer is ProjectBudget);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, typeof(T) == typeof(ProjectBudget));
        }
    }
}
