using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

/// <summary>WithdrawProject, and RBSA allocated to an outcome closing the outcome's funding gap.</summary>
public class CorrectionServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task<Project> ProjectAsync(int year)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        return await _client.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"wd/{Guid.NewGuid():N}", Title = "Social dialogue", CountryCodes = { "ZMB" }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(1_000_000m), OutcomeIds = { Guid.NewGuid().ToString() }, StrategicObjectives = { 4 },
            StartDate = ProtoConvert.ToDate(new DateOnly(year, 1, 1)), EndDate = ProtoConvert.ToDate(new DateOnly(year, 12, 31)),
        });
    }

    [Fact]
    public async Task WithdrawProject_WithAReason_KeepsItsHistoryAndLeavesTheLinkageReport()
    {
        var kept = await ProjectAsync(2091);
        var withdrawn = await ProjectAsync(2091);

        var result = await _client.WithdrawProjectAsync(new WithdrawProjectRequest { Id = withdrawn.Id, Reason = "Registered twice", ExpectedVersion = withdrawn.Version });

        Assert.Equal(ProjectStatus.Withdrawn, result.Status);
        var step = Assert.Single(result.StatusChanges);
        Assert.Equal((ProjectStatus.Pipeline, ProjectStatus.Withdrawn, "Registered twice"), (step.FromStatus, step.ToStatus, step.Reason));
        var linkage = await _client.ReportProjectLinkageAsync(new ReportProjectLinkageRequest { StartYear = 2091, EndYear = 2091 });
        Assert.Equal(1, linkage.ProjectCount);
        var byGoal = await _client.ReportProjectsBySdgGoalAsync(new ReportProjectsBySdgGoalRequest { StartYear = 2091, EndYear = 2091 });
        Assert.Equal(1, byGoal.ProjectCount);
        Assert.Equal(kept.Id, (await _client.GetProjectAsync(new GetProjectRequest { Id = kept.Id })).Id);
    }

    [Fact]
    public async Task WithdrawProject_WhenFinalOrWithoutReason_FailsAccordingly()
    {
        var project = await ProjectAsync(2092);

        await RpcAssert.InvalidFields(() => _client.WithdrawProjectAsync(new WithdrawProjectRequest { Id = project.Id, Reason = " " }).ResponseAsync, "reason");
        await _client.WithdrawProjectAsync(new WithdrawProjectRequest { Id = project.Id, Reason = "Partner withdrew" });
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.WithdrawProjectAsync(new WithdrawProjectRequest { Id = project.Id, Reason = "Again" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.WithdrawProjectAsync(new WithdrawProjectRequest { Id = Guid.NewGuid().ToString(), Reason = "Unknown" }).ResponseAsync);
    }

    [Fact]
    public async Task AllocateRbsa_ToAnOutcome_ReducesThatOutcomesFundingGap()
    {
        var outcome = PartnershipsFixture.Outcome("TZA 301", need: 2_000_000m);
        var programme = await fixture.ApprovedProgrammeAsync("TZA", outcome);
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Sweden"));
        await _client.RecordFundingApprovalAsync(new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, Year = 2094, Source = FundingSource.Rbsa, Amount = ProtoConvert.ToMoney(900_000m),
        });

        await _client.AllocateRbsaAsync(new AllocateRbsaRequest
        {
            BienniumStartYear = 2094, OutcomeId = outcome.OutcomeId.ToString(), Amount = ProtoConvert.ToMoney(750_000m), Note = "Largest gap",
        });

        var gap = await _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = programme });
        var row = gap.Outcomes.Single();
        Assert.Equal((750_000m, 1_250_000m), (ProtoConvert.ToDecimal(row.Allocated), ProtoConvert.ToDecimal(row.Gap)));
        Assert.Equal((750_000m, 750_000m, 1_250_000m), (ProtoConvert.ToDecimal(gap.RbsaAllocated), ProtoConvert.ToDecimal(gap.Approved), ProtoConvert.ToDecimal(gap.Gap)));
        var outOfPeriod = await _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = programme, StartYear = 2096 });
        Assert.Equal(0m, ProtoConvert.ToDecimal(outOfPeriod.Outcomes.Single().Allocated));
    }
}
