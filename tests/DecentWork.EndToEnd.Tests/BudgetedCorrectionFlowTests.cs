using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Issue 13's remaining gaps end to end through the gateway: an amendment below what a project
/// budgets from the approval is refused, a lower one that still covers it goes through and
/// programming's money mobilised follows; a registered project is found by the platform's search
/// (partnerships' event, RabbitMQ, coordination's index) and no longer once withdrawn.
/// </summary>
public class BudgetedCorrectionFlowTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task AmendFundingApproval_WhenAProjectBudgetsFromIt_IsRefusedBelowTheBudgetAndProgrammingFollowsTheRest()
    {
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var flow = await ProjectFinanceFlowTests.BudgetedProjectAsync(Platform, "UGA");
        // The flow's approval has no allocations, so the amendment names its one allocation: the programme.
        PartnershipsV1.AmendFundingApprovalRequest Amend(decimal amount) => new()
        {
            Id = flow.Approval.Id, Amount = ProtoConvert.ToMoney(amount), Reason = "The donor reduced its contribution",
            Allocations = { new PartnershipsV1.FundingAllocation { ProgrammeId = flow.Approval.ProgrammeId, Amount = ProtoConvert.ToMoney(amount) } },
        };

        var refused = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => partnerships.AmendFundingApprovalAsync(Amend(399_999m)).ResponseAsync);
        var amended = await partnerships.AmendFundingApprovalAsync(Amend(400_000m));
        var overBudget = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => partnerships.SetProjectBudgetLineAsync(new PartnershipsV1.SetProjectBudgetLineRequest
        {
            ProjectId = flow.Project.Id, FundingApprovalId = flow.Approval.Id, Year = 2008, Amount = ProtoConvert.ToMoney(1m),
        }).ResponseAsync);

        Assert.Contains("US$400,000.00", refused.Status.Detail);
        Assert.Equal(400_000m, ProtoConvert.ToDecimal(amended.Amount));
        Assert.Contains("US$0.00 left", overBudget.Status.Detail);
        var funded = await Eventually.Until(() => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = flow.Approval.ProgrammeId }).ResponseAsync,
            p => ProtoConvert.ToDecimal(p.FundingMobilised) == 400_000m, what: "programming to apply the amendment");
        Assert.Equal(1, funded.FundingApprovalCount);
    }

    [Fact]
    public async Task Search_WhenAProjectIsRegisteredThenWithdrawn_FindsItThenNoLonger()
    {
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var knowledge = new CoordinationV1.KnowledgeService.KnowledgeServiceClient(Platform.GatewayGrpc);
        var word = "zq" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(10));
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = $"Norway {Guid.NewGuid():N}", Category = PartnershipsV1.PartnerCategory.BilateralGovernment, CountryCode = "NOR",
        });
        var project = await partnerships.RegisterProjectAsync(new PartnershipsV1.RegisterProjectRequest
        {
            Code = $"KHM/08/{Guid.NewGuid():N}"[..30], Title = $"Better factories {word}", CountryCodes = { "KHM" }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(500_000m),
            StartDate = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)), EndDate = ProtoConvert.ToDate(new DateOnly(2009, 12, 31)),
        });
        Task<CoordinationV1.SearchResponse> Search() => knowledge.SearchAsync(new CoordinationV1.SearchRequest { Query = word }).ResponseAsync;

        var found = await Eventually.Until(Search, r => r.Results.Count == 1, what: "the search to index the project");
        await partnerships.WithdrawProjectAsync(new PartnershipsV1.WithdrawProjectRequest { Id = project.Id, Reason = "Merged into another project" });
        await Eventually.Until(Search, r => r.Results.Count == 0, what: "the search to drop the withdrawn project");

        Assert.Equal((CoordinationV1.SearchResultKind.Project, project.Id, project.Title, "KHM"),
            (found.Results[0].Kind, found.Results[0].Id, found.Results[0].Title, found.Results[0].CountryCode));
    }
}
