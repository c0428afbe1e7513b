using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Issue 13's corrections end to end: an approval recorded and amended, another cancelled; the
/// partnerships reports and programming's money mobilised and funding gap follow through the
/// outbox, RabbitMQ and programming's consumers.
/// </summary>
public class CorrectionFlowTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task AmendAndCancel_FundingApprovals_ReportsAndProgrammingFollow()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var programme = await ProgrammeSteps.ApproveAsync(Platform, programmes, "MLI", 2_000_000m);
        var outcome = programme.Priorities[0].Outcomes[0];
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = "Kingdom of Belgium", Category = PartnershipsV1.PartnerCategory.BilateralGovernment, CountryCode = "BEL",
        });
        PartnershipsV1.RecordFundingApprovalRequest Approval(decimal amount) => new()
        {
            PartnerId = partner.Id, ProgrammeId = programme.Id, Amount = ProtoConvert.ToMoney(amount), Year = 2009,
            Allocations = { new PartnershipsV1.FundingAllocation { ProgrammeId = programme.Id, OutcomeId = outcome.Id, Amount = ProtoConvert.ToMoney(amount) } },
        };
        var amended = await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(Approval(1_000_000m)).ResponseAsync,
            what: "partnerships to learn of the approved programme's outcomes");
        var cancelled = await partnerships.RecordFundingApprovalAsync(Approval(300_000m));
        await Eventually.Until(() => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 2, what: "programming to count both approvals");

        await partnerships.AmendFundingApprovalAsync(new PartnershipsV1.AmendFundingApprovalRequest
        {
            Id = amended.Id, Amount = ProtoConvert.ToMoney(1_400_000m), Reason = "Second tranche approved", ExpectedVersion = amended.Version,
        });
        await partnerships.CancelFundingApprovalAsync(new PartnershipsV1.CancelFundingApprovalRequest { Id = cancelled.Id, Reason = "Recorded in error" });

        // Programming: 1.4 million mobilised by one approval, 0.6 million still to find.
        var funded = await Eventually.Until(() => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1 && ProtoConvert.ToDecimal(p.FundingMobilised) == 1_400_000m, what: "programming to apply the corrections");
        Assert.Equal((1_400_000m, 600_000m), (ProtoConvert.ToDecimal(funded.Priorities[0].Outcomes[0].FundingMobilised), ProtoConvert.ToDecimal(funded.FundingGap)));
        var gaps = await programmes.ReportFundingGapsAsync(new ProgrammingV1.ReportFundingGapsRequest { Country = "MLI" });
        Assert.Equal(600_000m, ProtoConvert.ToDecimal(Assert.Single(gaps.Programmes).FundingGap));

        // Partnerships: the reports and its own gap count the amended amount and not the cancelled one.
        var byPartner = await partnerships.ReportFundingApprovalsAsync(new PartnershipsV1.ReportFundingApprovalsRequest
        {
            GroupBy = PartnershipsV1.FundingApprovalGrouping.Partner, StartYear = 2009, EndYear = 2009,
        });
        var row = byPartner.Totals.Single(t => t.Key == partner.Id);
        Assert.Equal((1_400_000m, 1), (ProtoConvert.ToDecimal(row.Amount), row.ApprovalCount));
        var gap = await partnerships.GetFundingGapAsync(new PartnershipsV1.GetFundingGapRequest { ProgrammeId = programme.Id });
        Assert.Equal((1_400_000m, 600_000m), (ProtoConvert.ToDecimal(gap.Approved), ProtoConvert.ToDecimal(gap.Gap)));
        var listed = await partnerships.ListFundingApprovalsAsync(new PartnershipsV1.ListFundingApprovalsRequest { PartnerId = partner.Id });
        Assert.Equal([PartnershipsV1.FundingApprovalStatus.Active, PartnershipsV1.FundingApprovalStatus.Cancelled],
            listed.FundingApprovals.OrderBy(a => a.Id == cancelled.Id).Select(a => a.Status));
        Assert.Equal(1_000_000m, ProtoConvert.ToDecimal(listed.FundingApprovals.Single(a => a.Id == amended.Id).Corrections.Single().PreviousAmount));
    }
}
