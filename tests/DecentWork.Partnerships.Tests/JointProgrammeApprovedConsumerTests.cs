using DecentWork.Contracts.Events.Coordination;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Partnerships.Tests;

/// <summary>Coordination's JointProgrammeApproved, published through this service's own bus, as RabbitMQ delivers it.</summary>
public class JointProgrammeApprovedConsumerTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private static JointProgrammeApproved Joint(string fund, decimal share) => new(Guid.NewGuid(), "Youth employment and migration",
        fund, "Youth, employment and migration", ["ALB"], "ILO", share, new DateOnly(2008, 4, 1), DateTimeOffset.UtcNow);

    [Fact]
    public async Task JointProgrammeApproved_WhenDeliveredTwiceAndRepublished_IsRecordedOnceAsUnFunding()
    {
        var fund = $"MDG Achievement Fund {Guid.NewGuid():N}";
        var joint = Joint(fund, 1_250_000.50m);
        var bus = fixture.Bus;
        var messageId = Guid.NewGuid();

        await bus.Publish(joint, ctx => ctx.MessageId = messageId);
        await bus.Publish(joint, ctx => ctx.MessageId = messageId);
        await bus.Publish(joint); // the same fact under a new message id, as an outbox replay sends it
        await bus.Publish(Joint(fund, 10m)); // a second programme of the same fund

        var approval = await Eventually.Until(
            () => FindApproval(joint.JointProgrammeId), a => a is not null, what: "the joint programme's approval");
        Assert.Equal((1_250_000.50m, 2008, FundingSource.ExtraBudgetary, "ALB"),
            (ProtoConvert.ToDecimal(approval!.Amount), approval.Year, approval.Source, approval.Allocations.Single().CountryCode));
        var partner = await _client.GetPartnerAsync(new GetPartnerRequest { Id = approval.PartnerId });
        Assert.Equal((fund, PartnerCategory.UnSystem), (partner.Name, partner.Category));

        var byFund = await Eventually.Until(
            () => _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = partner.Id }).ResponseAsync,
            r => r.TotalSize == 2, what: "both joint programmes under one fund");
        await Task.Delay(500); // a late duplicate would have landed by now
        Assert.Equal(2, (await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = partner.Id })).TotalSize);
        Assert.Equal(2, byFund.TotalSize);
    }

    [Fact]
    public async Task JointProgrammeApproved_CountsInTheApprovalReportsAsUnSystemExtraBudgetaryMoney()
    {
        // A year no other test of this class writes, so the reports hold only this programme and one approval.
        var joint = Joint($"MDG Achievement Fund {Guid.NewGuid():N}", 3_500_000m) with { ApprovedOn = new DateOnly(1998, 5, 4) };
        var eu = await _client.RegisterPartnerAsync(Requests.Partner("European Union", PartnerCategory.EuropeanUnion));
        await _client.RecordFundingApprovalAsync(Requests.Approval(eu.Id, await fixture.KnownProgrammeAsync(), amount: 6_500_000m, year: 1998));
        await fixture.Bus.Publish(joint);
        await Eventually.Until(() => FindApproval(joint.JointProgrammeId), a => a is not null, what: "the joint programme's approval");

        Task<ReportFundingApprovalsResponse> Report(FundingApprovalGrouping by) => _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = by, StartYear = 1998, EndYear = 1998,
        }).ResponseAsync;
        var byCategory = await Report(FundingApprovalGrouping.PartnerCategory);
        var bySource = await Report(FundingApprovalGrouping.Source);
        var byRegion = await Report(FundingApprovalGrouping.Region);

        Assert.Equal((10_000_000m, 2), (ProtoConvert.ToDecimal(byCategory.TotalAmount), byCategory.ApprovalCount));
        Assert.Equal([("PARTNER_CATEGORY_EUROPEAN_UNION", 6_500_000m, "65.00"), ("PARTNER_CATEGORY_UN_SYSTEM", 3_500_000m, "35.00")],
            byCategory.Totals.Select(t => (t.Key, ProtoConvert.ToDecimal(t.Amount), t.SharePercent)));
        Assert.Equal([("FUNDING_SOURCE_EXTRA_BUDGETARY", 10_000_000m)], bySource.Totals.Select(t => (t.Key, ProtoConvert.ToDecimal(t.Amount))));
        Assert.Contains(byRegion.Totals, t => t.Key == "ILO_REGION_EUROPE_CENTRAL_ASIA" && ProtoConvert.ToDecimal(t.Amount) == 3_500_000m);
    }

    private async Task<FundingApproval?> FindApproval(Guid id)
    {
        try
        {
            return await _client.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = id.ToString() });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
