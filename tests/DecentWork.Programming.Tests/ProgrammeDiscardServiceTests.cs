using DecentWork.Contracts.Programming.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Programming.Tests;

public class ProgrammeDiscardServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);

    [Fact]
    public async Task DiscardProgramme_WhenDraft_LeavesItOutOfListsAndReportsUnlessAskedFor()
    {
        var kept = await Lifecycle.WithOutcomeAsync("NPL");
        var mistake = await Lifecycle.WithOutcomeAsync("NPL", 2009, 2012);

        var discarded = await _client.DiscardProgrammeAsync(new DiscardProgrammeRequest { ProgrammeId = mistake.Id, Reason = "Registered twice", ExpectedVersion = mistake.Version });

        Assert.Equal((ProgrammeStatus.Discarded, "Registered twice"), (discarded.Status, discarded.DiscardReason));
        Assert.NotNull(discarded.DiscardedAt);
        var listed = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "NPL" });
        Assert.Equal([kept.Id], listed.Programmes.Select(p => p.Id));
        var all = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "NPL", IncludeDiscarded = true });
        Assert.Equal(2, all.TotalSize);
        var onlyDiscarded = await _client.ListProgrammesAsync(new ListProgrammesRequest { Country = "NPL", Status = ProgrammeStatus.Discarded });
        Assert.Equal([mistake.Id], onlyDiscarded.Programmes.Select(p => p.Id));
        var byStatus = await _client.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest());
        Assert.DoesNotContain(byStatus.Rows, r => r.Status == ProgrammeStatus.Discarded);
        var gaps = await _client.ReportFundingGapsAsync(new ReportFundingGapsRequest { Country = "NPL" });
        Assert.Equal([kept.Id], gaps.Programmes.Select(p => p.ProgrammeId));
        var history = await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = mistake.Id, PageSize = 100 });
        Assert.Equal("Discarded", history.Entries[^1].Action);
        Assert.Contains(history.Entries, e => e.Action == "Registered");
    }

    [Fact]
    public async Task DiscardProgramme_WhenInConsultationOrAlreadyDiscarded_IsAFailedPrecondition()
    {
        var draft = await Lifecycle.WithOutcomeAsync("BGD");
        await _client.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = draft.Id });
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.DiscardProgrammeAsync(new DiscardProgrammeRequest { ProgrammeId = draft.Id, Reason = "x" }).ResponseAsync);

        var other = await Lifecycle.RegisterAsync("LKA");
        await _client.DiscardProgrammeAsync(new DiscardProgrammeRequest { ProgrammeId = other.Id, Reason = "mistake" });
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.DiscardProgrammeAsync(new DiscardProgrammeRequest { ProgrammeId = other.Id, Reason = "again" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = other.Id, Title = "More" }).ResponseAsync);
    }

    [Fact]
    public async Task DiscardProgramme_WhenTheInputIsWrongOrTheProgrammeHidden_FailsAccordingly()
    {
        await RpcAssert.InvalidFields(() => _client.DiscardProgrammeAsync(new DiscardProgrammeRequest { ProgrammeId = "x", ExpectedVersion = -1 }).ResponseAsync,
            "programme_id", "reason", "expected_version");
        var draft = await Lifecycle.RegisterAsync("PAK");
        var office = new ProgrammingService.ProgrammingServiceClient(fixture.Service.ChannelFor(TestCaller.CountryOffice("IND")));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.DiscardProgrammeAsync(new DiscardProgrammeRequest { ProgrammeId = draft.Id, Reason = "not ours" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.DiscardProgrammeAsync(
            new DiscardProgrammeRequest { ProgrammeId = draft.Id, Reason = "stale", ExpectedVersion = draft.Version + 5 }).ResponseAsync);
        var unchanged = await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = draft.Id });
        Assert.Equal(ProgrammeStatus.Draft, unchanged.Status);
    }
}
