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
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
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
