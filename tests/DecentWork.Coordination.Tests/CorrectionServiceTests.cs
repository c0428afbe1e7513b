using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Programming;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Date = Google.Type.Date;

namespace DecentWork.Coordination.Tests;

/// <summary>EndCrisisResponse and UnlinkOutcomes over real gRPC: each keeps what it undoes. Each test its own countries.</summary>
public class CorrectionServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private Task<CrisisResponse> RecordAsync(string country, Date startedOn) => _client.RecordCrisisResponseAsync(new RecordCrisisResponseRequest
    {
        Kind = CrisisResponseKind.EarlyRecoveryProgramme, CountryCode = country, Title = "Early recovery", Agencies = { "UNDP" },
        OrganisationRole = OrganisationRole.Lead, StartedOn = startedOn,
    }).ResponseAsync;

    private Task<CrisisResponse> EndAsync(string id, Date endedOn, string reason = "Handed over to the DWCP", long expectedVersion = 0) =>
        _client.EndCrisisResponseAsync(new EndCrisisResponseRequest { Id = id, EndedOn = endedOn, Reason = reason, ExpectedVersion = expectedVersion }).ResponseAsync;

    [Fact]
    public async Task EndCrisisResponse_WhenGoingOn_EndsItWithTheReasonWhoAndWhen()
    {
        var recorded = await RecordAsync("PAK", Day(2005, 10, 20));

        var ended = await EndAsync(recorded.Id, Day(2007, 6, 30), expectedVersion: recorded.Version);

        Assert.Equal((2007, 6, 30), (ended.EndedOn.Year, ended.EndedOn.Month, ended.EndedOn.Day));
        Assert.Equal(("Handed over to the DWCP", 2L), (ended.EndReason, ended.Version));
        Assert.NotEqual("", ended.EndedBy);
        Assert.NotNull(ended.EndedAt);
        Assert.Equal(ended, await _client.GetCrisisResponseAsync(new GetCrisisResponseRequest { Id = recorded.Id }));
    }

    [Fact]
    public async Task EndCrisisResponse_WhenEndedBeforeOrTooEarlyOrInTheFuture_IsAPreconditionFailure()
    {
        var recorded = await RecordAsync("LKA", Day(2005, 1, 10));
        var future = DateTime.UtcNow.AddDays(3);

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => EndAsync(recorded.Id, Day(2005, 1, 9)));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => EndAsync(recorded.Id, Day(future.Year, future.Month, future.Day)));
        await EndAsync(recorded.Id, Day(2005, 1, 10));
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => EndAsync(recorded.Id, Day(2006, 1, 1)));
        Assert.Contains("already ended", error.Status.Detail);
    }

    [Fact]
    public async Task EndCrisisResponse_WhenFieldsAreWrongOrUnknownOrStale_IsInvalidNotFoundOrAborted()
    {
        await RpcAssert.InvalidFields(() => _client.EndCrisisResponseAsync(new EndCrisisResponseRequest { Id = "x", Reason = " ", ExpectedVersion = -1 }).ResponseAsync,
            "id", "ended_on", "reason", "expected_version");
        await RpcAssert.FailsWith(StatusCode.NotFound, () => EndAsync(Guid.NewGuid().ToString(), Day(2007, 1, 1)));
        var recorded = await RecordAsync("NPL", Day(2006, 1, 1));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => EndAsync(recorded.Id, Day(2007, 1, 1), expectedVersion: recorded.Version + 1));
    }

    [Fact]
    public async Task UnlinkOutcomes_WhenLinked_KeepsTheRemovedLinkAndStopsCountingIt()
    {
        var undaf = await _client.RegisterUndafAsync(new RegisterUndafRequest
        {
            CountryCode = "UGA", CycleStartYear = 2007, CycleEndYear = 2011, Status = UndafStatus.Active,
            Outcomes = { new UndafOutcome { Code = "1", Statement = "Employment" } },
        });
        var outcome = TestData.Outcome();
        var approved = TestData.Approved("UGA", outcome);
        await Bus.Publish(approved);
        await Eventually.Until(async () => (await _client.ListCountryCoherenceAsync(new ListCountryCoherenceRequest { Country = "UGA" })).Countries.SingleOrDefault(),
            c => c is not null && c.ProgrammeIds.Contains(approved.ProgrammeId.ToString()), what: "Uganda's programme");
        var link = new LinkOutcomesRequest { UndafId = undaf.Id, UndafOutcomeCode = "1", ProgrammeId = approved.ProgrammeId.ToString(), ProgrammeOutcomeId = outcome.OutcomeId.ToString() };
        var linked = await _client.LinkOutcomesAsync(link);
        var unlink = new UnlinkOutcomesRequest
        {
            UndafId = undaf.Id, UndafOutcomeCode = "1", ProgrammeOutcomeId = outcome.OutcomeId.ToString(), Reason = "Linked to the wrong UNDAF outcome", ExpectedVersion = linked.Version,
        };

        var unlinked = await _client.UnlinkOutcomesAsync(unlink);

        Assert.Empty(unlinked.OutcomeLinks);
        var removed = Assert.Single(unlinked.RemovedOutcomeLinks);
        Assert.Equal((linked.OutcomeLinks.Single(), "Linked to the wrong UNDAF outcome"), (removed.Link, removed.Reason));
        Assert.NotEqual("", removed.RemovedBy);
        var coherence = (await _client.ListCountryCoherenceAsync(new ListCountryCoherenceRequest { Country = "UGA" })).Countries.Single();
        Assert.Equal(0, coherence.LinkedOutcomeCount);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.UnlinkOutcomesAsync(unlink.Clone().With(r => r.ExpectedVersion = 0)).ResponseAsync);
        var relinked = await _client.LinkOutcomesAsync(link);
        Assert.Single(relinked.OutcomeLinks);
        Assert.Single(relinked.RemovedOutcomeLinks);
    }

    [Fact]
    public async Task UnlinkOutcomes_WhenFieldsAreWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.UnlinkOutcomesAsync(new UnlinkOutcomesRequest { UndafId = "x", ProgrammeOutcomeId = "y", ExpectedVersion = -1 }).ResponseAsync,
            "undaf_id", "undaf_outcome_code", "programme_outcome_id", "reason", "expected_version");
}
