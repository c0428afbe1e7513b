using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Programming;
using KnownProgramme = DecentWork.Coordination.Domain.KnownProgramme;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Coordination.Tests;

/// <summary>
/// ProgrammeApproved and ProgrammeOutcomeChanged arriving over the real broker, and LinkOutcomes
/// on the outcomes they carry. Each test uses its own countries.
/// </summary>
public class OutcomeLinkServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private Task<Undaf> RegisterUndafAsync(string country, UndafStatus status = UndafStatus.Active) =>
        _client.RegisterUndafAsync(new RegisterUndafRequest
        {
            CountryCode = country, CycleStartYear = 2007, CycleEndYear = 2011, Status = status,
            Outcomes = { new UndafOutcome { Code = "1", Statement = "Employment" }, new UndafOutcome { Code = "2", Statement = "Social protection" } },
        }).ResponseAsync;

    private Task<Undaf> LinkAsync(string undafId, string code, Guid programmeId, Guid outcomeId, long expectedVersion = 0) =>
        _client.LinkOutcomesAsync(new LinkOutcomesRequest
        {
            UndafId = undafId, UndafOutcomeCode = code, ProgrammeId = programmeId.ToString(), ProgrammeOutcomeId = outcomeId.ToString(), ExpectedVersion = expectedVersion,
        }).ResponseAsync;

    private Task<CountryCoherence> CoherenceAsync(string country, Func<CountryCoherence, bool> done, string what) => Eventually.Until(
        async () => (await _client.ListCountryCoherenceAsync(new ListCountryCoherenceRequest { Country = country })).Countries.SingleOrDefault()!,
        c => c is not null && done(c), what: what);

    /// <summary>Publishes the approval and waits until this service knows the programme.</summary>
    private async Task<ProgrammeApproved> ApproveAsync(string country, params ProgrammeOutcome[] outcomes)
    {
        var approved = TestData.Approved(country, outcomes);
        await Bus.Publish(approved);
        await CoherenceAsync(country, c => c.ProgrammeIds.Contains(approved.ProgrammeId.ToString()), $"programme in {country} to be known");
        return approved;
    }

    [Fact]
    public async Task LinkOutcomes_WhenTheOutcomeIsKnown_LinksOnceAndCountsInTheCoherenceReport()
    {
        var undaf = await RegisterUndafAsync("MOZ");
        var outcome = TestData.Outcome();
        var approved = await ApproveAsync("MOZ", outcome);

        var linked = await LinkAsync(undaf.Id, "1", approved.ProgrammeId, outcome.OutcomeId, expectedVersion: undaf.Version);
        var again = await LinkAsync(undaf.Id, "1", approved.ProgrammeId, outcome.OutcomeId);

        var link = Assert.Single(linked.OutcomeLinks);
        Assert.Equal(("1", approved.ProgrammeId.ToString(), outcome.OutcomeId.ToString()), (link.UndafOutcomeCode, link.ProgrammeId, link.ProgrammeOutcomeId));
        Assert.Equal(2, linked.Version);
        Assert.Equal(linked, again);
        var coherence = await CoherenceAsync("MOZ", _ => true, "Mozambique");
        Assert.Equal((1, UndafStatus.Active), (coherence.LinkedOutcomeCount, coherence.LatestUndafStatus));
    }

    [Fact]
    public async Task LinkOutcomes_WhenTheOutcomeIsWithdrawnAfterLinking_StopsCountingAndCannotBeLinkedAgain()
    {
        var undaf = await RegisterUndafAsync("RWA");
        var outcome = TestData.Outcome();
        var approved = await ApproveAsync("RWA", outcome);
        await LinkAsync(undaf.Id, "1", approved.ProgrammeId, outcome.OutcomeId);

        await Bus.Publish(TestData.Withdrawn(approved, outcome));
        await CoherenceAsync("RWA", c => c.LinkedOutcomeCount == 0, "the withdrawal to arrive");

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(undaf.Id, "2", approved.ProgrammeId, outcome.OutcomeId));
        Assert.Contains("withdrawn", error.Status.Detail);
    }

    [Fact]
    public async Task ProgrammeApproved_WhenRedeliveredAndReplayedAfterAWithdrawal_KeepsTheOutcomeWithdrawn()
    {
        var undaf = await RegisterUndafAsync("ALB");
        var outcome = TestData.Outcome();
        var approved = TestData.Approved("ALB", outcome);
        var messageId = Guid.NewGuid();
        await Bus.Publish(approved, ctx => ctx.MessageId = messageId);
        await Bus.Publish(approved, ctx => ctx.MessageId = messageId);
        await CoherenceAsync("ALB", c => c.ProgrammeIds.Count == 1, "Albania's programme");
        await LinkAsync(undaf.Id, "1", approved.ProgrammeId, outcome.OutcomeId);
        await Bus.Publish(TestData.Withdrawn(approved, outcome));
        await CoherenceAsync("ALB", c => c.LinkedOutcomeCount == 0, "the withdrawal to arrive");

        // An outbox replay of the approval, under a new message id, is older than the withdrawal.
        await Bus.Publish(approved, ctx => ctx.MessageId = Guid.NewGuid());
        await Task.Delay(500);

        var coherence = await CoherenceAsync("ALB", _ => true, "Albania");
        Assert.Equal((0, 1), (coherence.LinkedOutcomeCount, coherence.ProgrammeIds.Count));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(undaf.Id, "2", approved.ProgrammeId, outcome.OutcomeId));
    }

    [Fact]
    public async Task ProgrammeOutcomeChanged_WhenRedeliveredOrAnOlderChangeArrivesLater_KeepsTheNewestOnceSaved()
    {
        var outcome = TestData.Outcome();
        var approved = await ApproveAsync("KEN", outcome);
        var store = fixture.Service.Services.GetRequiredService<IAggregateStore<KnownProgramme>>();
        var withdrawal = TestData.Withdrawn(approved, outcome, TestData.ApprovedAt.AddDays(20));
        var messageId = Guid.NewGuid();
        await Bus.Publish(withdrawal, ctx => ctx.MessageId = messageId);
        var withdrawn = await Eventually.Until(() => store.FindAsync(approved.ProgrammeId), p => p!.FindOutcome(outcome.OutcomeId)!.Withdrawn, what: "the withdrawal");

        // The same message again, the same fact under a new message id, then an older change that was overtaken.
        await Bus.Publish(withdrawal, ctx => ctx.MessageId = messageId);
        await Bus.Publish(withdrawal, ctx => ctx.MessageId = Guid.NewGuid());
        await Bus.Publish(new ProgrammeOutcomeChanged(approved.ProgrammeId, outcome with { Statement = "Reworded" }, Withdrawn: false, TestData.ApprovedAt.AddDays(10)));
        // A newer change to another outcome shows the queue has moved past them.
        var sentinel = TestData.Outcome("9");
        await Bus.Publish(new ProgrammeOutcomeChanged(approved.ProgrammeId, sentinel, Withdrawn: false, TestData.ApprovedAt.AddDays(30)));
        await Eventually.Until(() => store.FindAsync(approved.ProgrammeId), p => p!.FindOutcome(sentinel.OutcomeId) is not null, what: "the later change");
        await Task.Delay(500);

        var known = await store.FindAsync(approved.ProgrammeId);
        var held = known!.FindOutcome(outcome.OutcomeId)!;
        Assert.Equal((true, outcome.Statement, TestData.ApprovedAt.AddDays(20)), (held.Withdrawn, held.Statement, held.ChangedAt));
        // Only the sentinel was saved after the withdrawal: nothing else wrote.
        Assert.Equal(withdrawn!.Version + 1, known.Version);
    }

    [Fact]
    public async Task ProgrammeOutcomeChanged_WhenAnOutcomeIsAddedAfterApproval_CanBeLinked()
    {
        var undaf = await RegisterUndafAsync("CPV");
        var approved = await ApproveAsync("CPV", TestData.Outcome("1"));
        var added = TestData.Outcome("2");
        await Bus.Publish(new ProgrammeOutcomeChanged(approved.ProgrammeId, added, Withdrawn: false, TestData.ApprovedAt.AddDays(10)));

        var linked = await Eventually.Until(async () =>
        {
            try { return await LinkAsync(undaf.Id, "2", approved.ProgrammeId, added.OutcomeId); }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition) { return null; }
        }, u => u is not null, what: "the added outcome to be linkable");
        Assert.Equal(added.OutcomeId.ToString(), Assert.Single(linked!.OutcomeLinks).ProgrammeOutcomeId);
    }

    [Fact]
    public async Task ProgrammeRegistered_WhenItArrivesAfterTheApproval_KeepsTheOutcomes()
    {
        var undaf = await RegisterUndafAsync("URY");
        var outcome = TestData.Outcome();
        var approved = await ApproveAsync("URY", outcome);
        await Bus.Publish(new ProgrammeRegistered(approved.ProgrammeId, "URY", "Americas", "DWCP Uruguay", new DateOnly(2007, 1, 1), new DateOnly(2010, 12, 31), DateTimeOffset.UtcNow));
        // Nothing in the API shows the title, so the view itself is read to see the registration land.
        var store = fixture.Service.Services.GetRequiredService<IAggregateStore<KnownProgramme>>();
        var known = await Eventually.Until(() => store.FindAsync(approved.ProgrammeId), p => p?.Title == "DWCP Uruguay", what: "the registration to arrive");
        Assert.Equal(outcome.OutcomeId, Assert.Single(known!.Outcomes).Id);
        // Nullable dates survive the store's round trip.
        Assert.Equal(((DateOnly?)approved.ApprovedOn, (DateTimeOffset?)approved.ApprovedAt), (known.ApprovedOn, known.ApprovedAt));

        await LinkAsync(undaf.Id, "1", approved.ProgrammeId, outcome.OutcomeId);
        var coherence = await CoherenceAsync("URY", _ => true, "Uruguay");
        Assert.Equal([approved.ProgrammeId.ToString()], coherence.ProgrammeIds);
        Assert.Equal(1, coherence.LinkedOutcomeCount);
    }

    [Fact]
    public async Task LinkOutcomes_WhenTheProgrammeOrItsOutcomeIsUnknown_IsFailedPrecondition()
    {
        var undaf = await RegisterUndafAsync("PAK");
        var approved = await ApproveAsync("PAK", TestData.Outcome());

        var unknownProgramme = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(undaf.Id, "1", Guid.NewGuid(), Guid.NewGuid()));
        var unknownOutcome = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(undaf.Id, "1", approved.ProgrammeId, Guid.NewGuid()));

        Assert.Contains("not heard of programme", unknownProgramme.Status.Detail);
        Assert.Contains("not heard of outcome", unknownOutcome.Status.Detail);
    }

    [Fact]
    public async Task LinkOutcomes_WhenTheProgrammeIsElsewhereOrTheUndafClosed_IsFailedPrecondition()
    {
        var closed = await RegisterUndafAsync("VNM", UndafStatus.Closed);
        var outcome = TestData.Outcome();
        var vietNam = await ApproveAsync("VNM", outcome);
        var laos = await RegisterUndafAsync("LAO");

        Assert.Contains("closed", (await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(closed.Id, "1", vietNam.ProgrammeId, outcome.OutcomeId))).Status.Detail);
        Assert.Contains("VNM", (await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(laos.Id, "1", vietNam.ProgrammeId, outcome.OutcomeId))).Status.Detail);
    }

    [Fact]
    public async Task LinkOutcomes_WhenTheUndafOrItsOutcomeIsUnknown_IsNotFound()
    {
        var undaf = await RegisterUndafAsync("TZA");
        var outcome = TestData.Outcome();
        var approved = await ApproveAsync("TZA", outcome);

        await RpcAssert.FailsWith(StatusCode.NotFound, () => LinkAsync(Guid.NewGuid().ToString(), "1", approved.ProgrammeId, outcome.OutcomeId));
        var error = await RpcAssert.FailsWith(StatusCode.NotFound, () => LinkAsync(undaf.Id, "9", approved.ProgrammeId, outcome.OutcomeId));
        Assert.Contains("'9'", error.Status.Detail);
    }

    [Fact]
    public async Task LinkOutcomes_WhenManyOutcomesAreLinkedToOneUndafAtOnce_KeepsEveryLink()
    {
        var undaf = await RegisterUndafAsync("SEN");
        var outcomes = Enumerable.Range(1, 5).Select(i => TestData.Outcome($"1.{i}")).ToArray();
        var approved = await ApproveAsync("SEN", outcomes);

        // Five changes of one UNDAF at once, none naming a version: each loser of the race links again
        // on the winner's state, so every link is kept and none is answered ABORTED.
        await Task.WhenAll(outcomes.Select(o => LinkAsync(undaf.Id, "1", approved.ProgrammeId, o.OutcomeId)));

        var read = await _client.GetUndafAsync(new GetUndafRequest { Id = undaf.Id });
        Assert.Equal(outcomes.Select(o => o.OutcomeId.ToString()).Order(), read.OutcomeLinks.Select(l => l.ProgrammeOutcomeId).Order());
        Assert.Equal(undaf.Version + 5, read.Version);
    }

    [Fact]
    public async Task LinkOutcomes_WhenTheVersionIsStale_IsAborted()
    {
        var undaf = await RegisterUndafAsync("GHA");
        var outcome = TestData.Outcome();
        var approved = await ApproveAsync("GHA", outcome);
        await LinkAsync(undaf.Id, "1", approved.ProgrammeId, outcome.OutcomeId);

        await RpcAssert.FailsWith(StatusCode.Aborted, () => LinkAsync(undaf.Id, "2", approved.ProgrammeId, outcome.OutcomeId, expectedVersion: undaf.Version));
    }

    [Fact]
    public async Task LinkOutcomes_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.LinkOutcomesAsync(new LinkOutcomesRequest
        {
            UndafId = "x", ProgrammeId = "y", ProgrammeOutcomeId = "", ExpectedVersion = -1,
        }).ResponseAsync, "undaf_id", "undaf_outcome_code", "programme_id", "programme_outcome_id", "expected_version");
}
