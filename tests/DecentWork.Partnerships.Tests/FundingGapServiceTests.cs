using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Partnerships.Tests;

/// <summary>Programming's events, published through this service's own bus, and the funding gap read over gRPC.</summary>
public class FundingGapServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);
    private readonly IBus _bus = fixture.Bus;

    [Fact]
    public async Task GetFundingGap_AfterApprovalOutcomeChangesAndFunding_ShowsTheGapPerOutcome()
    {
        var programme = Guid.NewGuid();
        var jobs = new ProgrammeOutcome(Guid.NewGuid(), "ZMB 102", "More youth jobs", 2, 3_000_000m);
        var rights = new ProgrammeOutcome(Guid.NewGuid(), "ZMB 101", "Child labour", 1, 1_000_000m);
        var approved = new ProgrammeApproved(programme, "ZMB", "Africa", new DateOnly(2008, 1, 10), [jobs, rights], DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await _bus.Publish(approved, ctx => ctx.MessageId = messageId);
        await _bus.Publish(approved, ctx => ctx.MessageId = messageId);
        await Eventually.Until(() => Gap(programme), g => g is not null, what: "the approved programme's needs");
        await _bus.Publish(new ProgrammeOutcomeChanged(programme, jobs with { ResourceNeedUsd = 3_500_000m }, false, DateTimeOffset.UtcNow));

        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var request = new RecordFundingApprovalRequest { PartnerId = partner.Id, ProgrammeId = programme.ToString(), Year = 2008, Amount = ProtoConvert.ToMoney(1_200_000m) };
        request.Allocations.Add(new FundingAllocation { ProgrammeId = programme.ToString(), OutcomeId = jobs.OutcomeId.ToString(), CountryCode = "ZMB", Amount = ProtoConvert.ToMoney(1_200_000m) });
        await _client.RecordFundingApprovalAsync(request);

        var gap = await Eventually.Until(() => Gap(programme), g => g is not null && ProtoConvert.ToDecimal(g.ResourceNeed) == 4_500_000m, what: "the outcome change");
        Assert.Equal((1_200_000m, 3_300_000m, "26.67"), (ProtoConvert.ToDecimal(gap!.Approved), ProtoConvert.ToDecimal(gap.Gap), gap.CoveredPercent));
        Assert.Equal([("ZMB 101", 0m, 1_000_000m), ("ZMB 102", 1_200_000m, 2_300_000m)],
            gap.Outcomes.Select(o => (o.Code, ProtoConvert.ToDecimal(o.Allocated), ProtoConvert.ToDecimal(o.Gap))));
    }

    [Fact]
    public async Task GetFundingGap_WhenTheProgrammeIsUnknownOrTheIdBad_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = "x" }).ResponseAsync, "programme_id");
        var http = fixture.Service.JsonClient();
        var json = await http.GetAsync($"/v1/funding-approvals/reports:fundingGap?programmeId={Guid.NewGuid()}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, json.StatusCode);
    }

    [Fact]
    public async Task GetFundingGap_WithAPeriod_CountsOnlyThatPeriodsApprovals()
    {
        var programme = Guid.NewGuid();
        var outcome = new ProgrammeOutcome(Guid.NewGuid(), "TZA 201", "Decent jobs for youth", 2, 10_000_000m);
        await _bus.Publish(new ProgrammeApproved(programme, "TZA", "Africa", new DateOnly(2007, 6, 1), [outcome], DateTimeOffset.UtcNow));
        await Eventually.Until(() => Gap(programme), g => g is not null, what: "the approved programme's needs");
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        foreach (var (year, amount) in new[] { (2006, 1_000_000m), (2007, 2_000_000m), (2008, 4_000_000m) })
        {
            var request = new RecordFundingApprovalRequest { PartnerId = partner.Id, Year = year, Amount = ProtoConvert.ToMoney(amount) };
            request.Allocations.Add(new FundingAllocation { ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(), Amount = ProtoConvert.ToMoney(amount) });
            await _client.RecordFundingApprovalAsync(request);
        }

        var all = await _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = programme.ToString() });
        var in2006To2007 = await _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = programme.ToString(), StartYear = 2006, EndYear = 2007 });

        Assert.Equal((7_000_000m, "70.00"), (ProtoConvert.ToDecimal(all.Approved), all.CoveredPercent));
        Assert.Equal((3_000_000m, 7_000_000m, "30.00", 3_000_000m), (ProtoConvert.ToDecimal(in2006To2007.Approved), ProtoConvert.ToDecimal(in2006To2007.Gap),
            in2006To2007.CoveredPercent, ProtoConvert.ToDecimal(in2006To2007.Outcomes.Single().Allocated)));
        await RpcAssert.InvalidFields(() => _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = "x", StartYear = 2008, EndYear = 2007 }).ResponseAsync,
            "programme_id", "end_year");
    }

    private async Task<FundingGap?> Gap(Guid programme)
    {
        try
        {
            return await _client.GetFundingGapAsync(new GetFundingGapRequest { ProgrammeId = programme.ToString() });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
