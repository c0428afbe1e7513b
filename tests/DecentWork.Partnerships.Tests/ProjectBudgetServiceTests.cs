using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

public class ProjectBudgetServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly FinanceSteps _steps = new(fixture);

    [Fact]
    public async Task SetProjectBudgetLine_WhenWithinBothFundings_KeepsTheLinesByYear()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 900_000m);

        await _steps.BudgetAsync(project, approval, 2006, 300_000m);
        var budget = await _steps.BudgetAsync(project, approval, 2007, 450_000.50m);

        Assert.Equal([(2006, 300_000m), (2007, 450_000.50m)], budget.Lines.Select(l => (l.Year, ProtoConvert.ToDecimal(l.Amount))));
        Assert.Equal((750_000.50m, 149_999.50m), (ProtoConvert.ToDecimal(budget.Budgeted), ProtoConvert.ToDecimal(budget.Unbudgeted)));
        var read = await _steps.Staff.GetProjectBudgetAsync(new GetProjectBudgetRequest { ProjectId = project.Id });
        Assert.Equal(budget, read);
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenTheLineIsSetAgainOrZero_ReplacesOrRemovesIt()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 900_000m);
        await _steps.BudgetAsync(project, approval, 2006, 300_000m);

        var replaced = await _steps.BudgetAsync(project, approval, 2006, 800_000m);
        var removed = await _steps.BudgetAsync(project, approval, 2006, 0m);

        Assert.Equal(800_000m, ProtoConvert.ToDecimal(replaced.Budgeted));
        Assert.Empty(removed.Lines);
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenTheProjectWouldBudgetMoreThanItsFunding_IsRefused()
    {
        var (partner, approval) = await _steps.ApprovalAsync(5_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 500_000m);
        await _steps.BudgetAsync(project, approval, 2006, 400_000m);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.BudgetAsync(project, approval, 2007, 100_000.01m));

        Assert.Contains("100,000.00", error.Status.Detail);
        Assert.Equal(400_000m, ProtoConvert.ToDecimal((await _steps.Staff.GetProjectBudgetAsync(new GetProjectBudgetRequest { ProjectId = project.Id })).Budgeted));
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenTheApprovalWouldFundMoreThanItsAmountAcrossProjects_IsRefused()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var first = await _steps.ProjectAsync(partner.Id, 900_000m);
        var second = await _steps.ProjectAsync(partner.Id, 900_000m);
        await _steps.BudgetAsync(first, approval, 2007, 700_000m);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.BudgetAsync(second, approval, 2007, 300_000.01m));
        var fits = await _steps.BudgetAsync(second, approval, 2007, 300_000m);

        Assert.Contains("300,000.00", error.Status.Detail);
        Assert.Equal(300_000m, ProtoConvert.ToDecimal(fits.Budgeted));
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenManyProjectsBudgetOneApprovalAtOnce_NeverOverCommitsIt()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var projects = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _steps.ProjectAsync(partner.Id, 400_000m)));

        // Eight writes of 300,000 against 1,000,000: at most three can fit, whatever the interleaving.
        var outcomes = await Task.WhenAll(projects.Select(async p =>
        {
            try
            {
                await _steps.BudgetAsync(p, approval, 2007, 300_000m);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        var budgeted = 0m;
        foreach (var p in projects)
            budgeted += ProtoConvert.ToDecimal((await _steps.Staff.GetProjectBudgetAsync(new GetProjectBudgetRequest { ProjectId = p.Id })).Budgeted);
        Assert.Equal(outcomes.Count(o => o == StatusCode.OK) * 300_000m, budgeted);
        Assert.True(budgeted <= 1_000_000m, $"The approval funds {budgeted}, more than its amount.");
        Assert.All(outcomes, o => Assert.Contains(o, new[] { StatusCode.OK, StatusCode.FailedPrecondition, StatusCode.Aborted }));
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenManyProjectsBudgetOneApprovalAtOnceWithinItsAmount_KeepsEveryLine()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var projects = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _steps.ProjectAsync(partner.Id, 400_000m)));

        // Eight lines of 100,000 against 1,000,000 all fit: every write that loses the race on the
        // approval's budget book reads it again and is kept, none is answered ABORTED.
        await Task.WhenAll(projects.Select(p => _steps.BudgetAsync(p, approval, 2007, 100_000m)));

        foreach (var p in projects)
            Assert.Equal(100_000m, ProtoConvert.ToDecimal((await _steps.Staff.GetProjectBudgetAsync(new GetProjectBudgetRequest { ProjectId = p.Id })).Budgeted));
        // The book holds all eight: 200,000 is what is left of the approval, and not a cent more.
        var last = await _steps.ProjectAsync(partner.Id, 400_000m);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.BudgetAsync(last, approval, 2007, 200_000.01m));
        await _steps.BudgetAsync(last, approval, 2007, 200_000m);
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenTwoApprovalsTakeTheRestOfOneProjectAtOnce_KeepsOneAndRefusesTheOther()
    {
        // Each round is a new race; the project's total across both approvals' books is what they contend for.
        for (var round = 0; round < 3; round++)
        {
            var partner = await _steps.Staff.RegisterPartnerAsync(Requests.Partner());
            var programmeId = await fixture.KnownProgrammeAsync();
            var first = await _steps.Staff.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programmeId, 1_000_000m));
            var second = await _steps.Staff.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programmeId, 1_000_000m));
            var project = await _steps.ProjectAsync(partner.Id, 500_000m);

            // 300,000 from each against a budget of 500,000: one fits, and the loser of the race is
            // answered on the winner's state (FAILED_PRECONDITION), not ABORTED for both.
            var outcomes = await Task.WhenAll(new[] { first, second }.Select(async approval =>
            {
                try
                {
                    await _steps.BudgetAsync(project, approval, 2007, 300_000m);
                    return StatusCode.OK;
                }
                catch (RpcException e)
                {
                    return e.StatusCode;
                }
            }));

            Assert.Equal([StatusCode.OK, StatusCode.FailedPrecondition], outcomes.Order());
            var budget = await _steps.Staff.GetProjectBudgetAsync(new GetProjectBudgetRequest { ProjectId = project.Id });
            Assert.Equal(300_000m, ProtoConvert.ToDecimal(budget.Budgeted));
        }
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenTheApprovalsPartnerDoesNotFundTheProject_IsRefused()
    {
        var (_, approval) = await _steps.ApprovalAsync(1_000_000m);
        var other = await _steps.Staff.RegisterPartnerAsync(Requests.Partner());
        var project = await _steps.ProjectAsync(other.Id, 500_000m);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.BudgetAsync(project, approval, 2007, 1m));

        Assert.Contains("not funded by the approval's partner", error.Status.Detail);
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenTheYearIsOutsideTheProject_IsRefused()
    {
        var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 500_000m, startYear: 2006, endYear: 2007);

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _steps.BudgetAsync(project, approval, 2008, 1m));
    }

    [Fact]
    public async Task SetProjectBudgetLine_WhenFieldsAreBad_NamesEachField()
    {
        await RpcAssert.InvalidFields(() => _steps.Staff.SetProjectBudgetLineAsync(new SetProjectBudgetLineRequest
        {
            ProjectId = "x", FundingApprovalId = "", Year = 1, Amount = new Google.Type.Money { CurrencyCode = "EUR", Units = -1 },
        }).ResponseAsync, "project_id", "funding_approval_id", "year", "amount", "amount.currency_code");
    }

    [Fact]
    public async Task GetProjectBudget_WhenTheProjectIsAnotherPartners_IsNotFound()
    {
        var (partner, _) = await _steps.ApprovalAsync(1_000_000m);
        var project = await _steps.ProjectAsync(partner.Id, 500_000m);
        var other = await _steps.Staff.RegisterPartnerAsync(Requests.Partner());
        var agency = new PartnershipsService.PartnershipsServiceClient(fixture.Service.ChannelFor(TestCaller.PartnerAgency(other.Name)));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => agency.GetProjectBudgetAsync(new GetProjectBudgetRequest { ProjectId = project.Id }).ResponseAsync);
    }
}
