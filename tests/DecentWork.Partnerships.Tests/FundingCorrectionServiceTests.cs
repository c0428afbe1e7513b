using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// AmendFundingApproval and CancelFundingApproval over gRPC, and the reports that follow them. Each
/// test reports on a year of its own, so the class's shared service does not mix their totals.
/// </summary>
public class FundingCorrectionServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task<FundingApproval> RecordAsync(int year, decimal amount, string? partnerId = null)
    {
        partnerId ??= (await _client.RegisterPartnerAsync(Requests.Partner())).Id;
        return await _client.RecordFundingApprovalAsync(Requests.Approval(partnerId, await fixture.KnownProgrammeAsync(), amount, year));
    }

    private async Task<decimal> ApprovedIn(int year) => ProtoConvert.ToDecimal((await _client.ReportFundingApprovalsAsync(
        new ReportFundingApprovalsRequest { GroupBy = FundingApprovalGrouping.Year, StartYear = year, EndYear = year })).TotalAmount);

    [Fact]
    public async Task AmendFundingApproval_WhenValid_ChangesTheReportsAndKeepsTheEarlierAmount()
    {
        var approval = await RecordAsync(2071, 1_000_000m);

        var amended = await _client.AmendFundingApprovalAsync(new AmendFundingApprovalRequest
        {
            Id = approval.Id, Amount = ProtoConvert.ToMoney(1_250_000m), Reason = "Second tranche confirmed", ExpectedVersion = approval.Version,
        });

        Assert.Equal((1_250_000m, 2, FundingApprovalStatus.Active), (ProtoConvert.ToDecimal(amended.Amount), amended.Revision, amended.Status));
        var correction = Assert.Single(amended.Corrections);
        Assert.Equal((FundingApprovalCorrectionKind.Amended, "Second tranche confirmed", 1_000_000m),
            (correction.Kind, correction.Reason, ProtoConvert.ToDecimal(correction.PreviousAmount)));
        Assert.Equal(1_250_000m, ProtoConvert.ToDecimal(Assert.Single(amended.Allocations).Amount));
        Assert.Equal(1_250_000m, await ApprovedIn(2071));
        Assert.Equal(amended, await _client.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = approval.Id }));
    }

    [Fact]
    public async Task CancelFundingApproval_WhenActive_ListsItAsCancelledAndCountsItNowhere()
    {
        var kept = await RecordAsync(2072, 300_000m);
        var mistaken = await RecordAsync(2072, 700_000m, kept.PartnerId);

        var cancelled = await _client.CancelFundingApprovalAsync(new CancelFundingApprovalRequest { Id = mistaken.Id, Reason = "Recorded twice" });

        Assert.Equal((FundingApprovalStatus.Cancelled, 2), (cancelled.Status, cancelled.Revision));
        var listed = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = kept.PartnerId, Year = 2072 });
        Assert.Equal(2, listed.TotalSize);
        var report = await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest { GroupBy = FundingApprovalGrouping.Partner, StartYear = 2072, EndYear = 2072 });
        Assert.Equal((300_000m, 1), (ProtoConvert.ToDecimal(report.TotalAmount), report.ApprovalCount));
    }

    [Fact]
    public async Task AmendFundingApproval_WhenTheApprovalIsCancelled_FailsWithFailedPrecondition()
    {
        var approval = await RecordAsync(2073, 500_000m);
        await _client.CancelFundingApprovalAsync(new CancelFundingApprovalRequest { Id = approval.Id, Reason = "Withdrawn by the donor" });

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.AmendFundingApprovalAsync(new AmendFundingApprovalRequest
        {
            Id = approval.Id, Amount = ProtoConvert.ToMoney(400_000m), Reason = "Late correction",
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.CancelFundingApprovalAsync(new CancelFundingApprovalRequest { Id = approval.Id, Reason = "Again" }).ResponseAsync);
        Assert.Equal(0m, await ApprovedIn(2073));
    }

    [Fact]
    public async Task AmendFundingApproval_WhenTheInputIsBad_NamesEveryFieldAndChangesNothing()
    {
        var approval = await RecordAsync(2074, 500_000m);
        var request = new AmendFundingApprovalRequest { Id = approval.Id, Amount = ProtoConvert.ToMoney(-1m), Reason = " ", ExpectedVersion = -1 };
        request.Allocations.Add(new FundingAllocation { Amount = ProtoConvert.ToMoney(5m), ImplementingUnit = "actemp", Theme = (AllocationTheme)99 });

        await RpcAssert.InvalidFields(() => _client.AmendFundingApprovalAsync(request).ResponseAsync,
            "amount", "reason", "expected_version", "allocations[0].implementing_unit", "allocations[0].theme");
        await RpcAssert.InvalidFields(() => _client.CancelFundingApprovalAsync(new CancelFundingApprovalRequest { Id = "x" }).ResponseAsync, "id", "reason");
        Assert.Equal(500_000m, await ApprovedIn(2074));
    }

    [Fact]
    public async Task AmendFundingApproval_WhenUnknownOrStale_IsNotFoundOrAborted()
    {
        var approval = await RecordAsync(2075, 500_000m);

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.CancelFundingApprovalAsync(new CancelFundingApprovalRequest
        {
            Id = Guid.NewGuid().ToString(), Reason = "Unknown",
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.AmendFundingApprovalAsync(new AmendFundingApprovalRequest
        {
            Id = approval.Id, Amount = ProtoConvert.ToMoney(1m), Reason = "Stale", ExpectedVersion = approval.Version + 5,
        }).ResponseAsync);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenRepeatedAfterAnAmendment_ReturnsTheAmendedApproval()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var request = Requests.Approval(partner.Id, await fixture.KnownProgrammeAsync(), 800_000m, 2076);
        request.RequestId = $"corrections-{Guid.NewGuid():N}";
        var recorded = await _client.RecordFundingApprovalAsync(request);
        await _client.AmendFundingApprovalAsync(new AmendFundingApprovalRequest { Id = recorded.Id, Amount = ProtoConvert.ToMoney(600_000m), Reason = "Reduced" });

        var repeated = await _client.RecordFundingApprovalAsync(request);

        Assert.Equal((recorded.Id, 600_000m), (repeated.Id, ProtoConvert.ToDecimal(repeated.Amount)));
        Assert.Equal(600_000m, await ApprovedIn(2076));
    }
}
