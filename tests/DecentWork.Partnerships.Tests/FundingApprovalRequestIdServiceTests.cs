using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using FundingApproved = DecentWork.Contracts.Events.Partnerships.FundingApproved;

namespace DecentWork.Partnerships.Tests;

/// <summary>RecordFundingApproval with request_id: a retry returns the first approval and publishes nothing again.</summary>
public class FundingApprovalRequestIdServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private static string NewRequestId() => $"agency-call:{Guid.NewGuid()}";

    private async Task<RecordFundingApprovalRequest> ApprovalRequestAsync(string requestId, decimal amount = 2_500_000.50m)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("UNDP"));
        var request = Requests.Approval(partner.Id, await fixture.KnownProgrammeAsync(), amount, 2008);
        request.RequestId = requestId;
        return request;
    }

    private Task<ListFundingApprovalsResponse> ListByRequestIdAsync(string requestId) =>
        _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { RequestId = requestId }).ResponseAsync;

    [Fact]
    public async Task RecordFundingApproval_WhenRepeatedWithTheSameRequestId_ReturnsTheFirstApprovalAndPublishesOnce()
    {
        await using var published = await FundingApprovedCounter.ConnectAsync(fixture);
        var request = await ApprovalRequestAsync(NewRequestId());

        var first = await _client.RecordFundingApprovalAsync(request);
        var retry = await _client.RecordFundingApprovalAsync(request);

        Assert.Equal(request.RequestId, first.RequestId);
        Assert.Equal((first.Id, first.Version, first.RecordedAt), (retry.Id, retry.Version, retry.RecordedAt));
        Assert.Equal(1L, first.Version);
        var stored = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = request.PartnerId });
        Assert.Equal(first, Assert.Single(stored.FundingApprovals));
        Assert.Equal(1, await published.SettledCountAsync(Guid.Parse(first.Id)));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheRequestIdIsReusedWithOtherContent_IsAlreadyExistsNamingTheApproval()
    {
        var request = await ApprovalRequestAsync(NewRequestId());
        var first = await _client.RecordFundingApprovalAsync(request);
        var changed = request.Clone();
        changed.Amount = ProtoConvert.ToMoney(2_500_000.51m);

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.RecordFundingApprovalAsync(changed).ResponseAsync);

        Assert.Contains(first.Id, error.Status.Detail);
        Assert.Contains(request.RequestId, error.Status.Detail);
        Assert.Equal(first, Assert.Single((await ListByRequestIdAsync(request.RequestId)).FundingApprovals));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheRequestIdIsReusedByAnotherPartner_IsAlreadyExists()
    {
        var request = await ApprovalRequestAsync(NewRequestId());
        await _client.RecordFundingApprovalAsync(request);
        var other = request.Clone();
        other.PartnerId = (await _client.RegisterPartnerAsync(Requests.Partner("UNICEF"))).Id;

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.RecordFundingApprovalAsync(other).ResponseAsync);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/no")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")] // 65 characters
    public async Task RecordFundingApproval_WhenRequestIdIsMalformed_IsInvalidRequestIdAndStoresNothing(string requestId)
    {
        var request = await ApprovalRequestAsync(requestId);

        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync, "request_id");

        var stored = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = request.PartnerId });
        Assert.Equal(0, stored.TotalSize);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenRepeatedWithoutRequestId_RecordsTwoApprovals()
    {
        var request = await ApprovalRequestAsync("");

        var first = await _client.RecordFundingApprovalAsync(request);
        var second = await _client.RecordFundingApprovalAsync(request);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("", first.RequestId);
        var stored = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = request.PartnerId });
        Assert.Equal(2, stored.TotalSize);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenCallsWithOneRequestIdRace_AllReturnTheOneApprovalStored()
    {
        await using var published = await FundingApprovedCounter.ConnectAsync(fixture);
        var request = await ApprovalRequestAsync(NewRequestId());

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _client.RecordFundingApprovalAsync(request).ResponseAsync));

        var stored = Assert.Single((await ListByRequestIdAsync(request.RequestId)).FundingApprovals);
        Assert.All(answers, answer => Assert.Equal((stored.Id, 1L), (answer.Id, answer.Version)));
        var byPartner = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = request.PartnerId });
        Assert.Equal(1, byPartner.TotalSize);
        Assert.Equal(1, await published.SettledCountAsync(Guid.Parse(stored.Id)));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenRetriedAfterItsOutcomeWasWithdrawn_StillReturnsTheFirstApproval()
    {
        var outcome = PartnershipsFixture.Outcome("ZMB101");
        var programmeId = await fixture.ApprovedProgrammeAsync("ZMB", outcome);
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Government of Ireland"));
        var request = new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id,
            ProgrammeId = programmeId,
            Amount = ProtoConvert.ToMoney(300_000m),
            Year = 2008,
            RequestId = NewRequestId(),
            Allocations = { new FundingAllocation { OutcomeId = outcome.OutcomeId.ToString(), Amount = ProtoConvert.ToMoney(300_000m) } },
        };
        var first = await _client.RecordFundingApprovalAsync(request);
        await fixture.WithdrawAsync(programmeId, outcome);

        var retry = await _client.RecordFundingApprovalAsync(request);

        Assert.Equal((first.Id, first.Version), (retry.Id, retry.Version));
    }

    [Fact]
    public async Task ListFundingApprovals_WhenFilteredByRequestId_ReturnsOnlyThatApproval()
    {
        var request = await ApprovalRequestAsync(NewRequestId());
        var recorded = await _client.RecordFundingApprovalAsync(request);
        var unrelated = request.Clone();
        unrelated.RequestId = NewRequestId();
        await _client.RecordFundingApprovalAsync(unrelated);

        var found = await ListByRequestIdAsync(request.RequestId);
        var unknown = await ListByRequestIdAsync(NewRequestId());

        Assert.Equal((1, recorded), (found.TotalSize, Assert.Single(found.FundingApprovals)));
        Assert.Equal(0, unknown.TotalSize);
        // Combined with the other filters as AND.
        var otherYear = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { RequestId = request.RequestId, Year = 2009 });
        Assert.Equal(0, otherYear.TotalSize);
    }

    [Fact]
    public async Task ListFundingApprovals_WhenRequestIdIsMalformed_IsInvalidRequestId() =>
        await RpcAssert.InvalidFields(() => ListByRequestIdAsync("not valid!"), "request_id");

    /// <summary>Counts the FundingApproved messages the service publishes, on a test queue of the fixture's virtual host.</summary>
    private sealed class FundingApprovedCounter : IAsyncDisposable
    {
        private readonly List<FundingApproved> _received = [];
        private HostReceiveEndpointHandle _endpoint = null!;

        public static async Task<FundingApprovedCounter> ConnectAsync(PartnershipsFixture fixture)
        {
            var counter = new FundingApprovedCounter();
            counter._endpoint = fixture.Bus.ConnectReceiveEndpoint($"test-funding-approved-{Guid.NewGuid():N}", e => e.Handler<FundingApproved>(context =>
            {
                lock (counter._received) counter._received.Add(context.Message);
                return Task.CompletedTask;
            }));
            await counter._endpoint.Ready;
            return counter;
        }

        /// <summary>Waits for the approval's event, then a little longer for a second copy that should never come.</summary>
        public async Task<int> SettledCountAsync(Guid approvalId)
        {
            await Eventually.Until(() => Task.FromResult(Count(approvalId)), n => n > 0, what: "FundingApproved");
            await Task.Delay(500);
            return Count(approvalId);
        }

        private int Count(Guid approvalId)
        {
            lock (_received) return _received.Count(m => m.ApprovalId == approvalId);
        }

        public async ValueTask DisposeAsync() => await _endpoint.StopAsync();
    }
}
