using System.Collections.Concurrent;
using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

/// <summary>The lifecycle events leave through the outbox and arrive on the broker as other services will see them.</summary>
public class ProgrammeEventsServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task Lifecycle_PublishesSubmittedApprovedOutcomeAddedAndWithdrawnCompletedAndEvaluated()
    {
        var received = new ConcurrentQueue<object>();
        Task Keep<T>(ConsumeContext<T> context) where T : class
        {
            received.Enqueue(context.Message);
            return Task.CompletedTask;
        }
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        var endpoint = bus.ConnectReceiveEndpoint($"programming-events-test-{Guid.NewGuid():N}", e =>
        {
            e.Handler<ProgrammeSubmittedForQualityAssurance>(Keep);
            e.Handler<ProgrammeApproved>(Keep);
            e.Handler<ProgrammeOutcomeChanged>(Keep);
            e.Handler<ProgrammeCompleted>(Keep);
            e.Handler<ProgrammeEvaluated>(Keep);
        });
        await endpoint.Ready;

        var programme = await new LifecycleClient(fixture.Service).ApprovedAsync("ARM");
        var outcome = programme.Priorities[0].Outcomes[0];
        await _client.AddOutcomeAsync(new AddOutcomeRequest
        {
            ProgrammeId = programme.Id, PriorityId = programme.Priorities[0].Id, Code = "ARM201", Statement = "Social dialogue institutions work",
            StrategicObjective = StrategicObjective.SocialDialogue, ResourceNeed = Usd(250_000),
        });
        await _client.WithdrawOutcomeAsync(new WithdrawOutcomeRequest { ProgrammeId = programme.Id, OutcomeId = outcome.Id });
        await _client.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = programme.Id });
        await _client.CompleteProgrammeAsync(new CompleteProgrammeRequest { ProgrammeId = programme.Id });
        await _client.RecordEvaluationAsync(new RecordEvaluationRequest
        {
            ProgrammeId = programme.Id, Kind = EvaluationKind.Tripartite, EvaluatedOn = ProtoConvert.ToDate(new DateOnly(2012, 1, 31)), Summary = "Tripartite review",
        });

        await Eventually.Until(() => Task.FromResult(received.Count), n => n >= 6, what: "six lifecycle events");
        var id = Guid.Parse(programme.Id);
        var approved = received.OfType<ProgrammeApproved>().Single(e => e.ProgrammeId == id);
        var approvedOutcome = Assert.Single(approved.Outcomes);
        Assert.Equal((outcome.Code, 2, 1_000_000m), (approvedOutcome.Code, approvedOutcome.StrategicObjective, approvedOutcome.ResourceNeedUsd));
        Assert.Equal(new DateOnly(2008, 2, 4), approved.ApprovedOn);
        Assert.Equal(await fixture.Service.DisplayOfAsync(TestCaller.ProgrammeStaff), approved.ChangedBy);
        var changes = received.OfType<ProgrammeOutcomeChanged>().Where(e => e.ProgrammeId == id).OrderBy(e => e.Withdrawn).ToList();
        Assert.Equal(2, changes.Count);
        // An outcome added after approval travels like a change, so other services can link and fund it.
        Assert.Equal(("ARM201", 4, 250_000m, false), (changes[0].Outcome.Code, changes[0].Outcome.StrategicObjective, changes[0].Outcome.ResourceNeedUsd, changes[0].Withdrawn));
        Assert.Equal((Guid.Parse(outcome.Id), true), (changes[1].Outcome.OutcomeId, changes[1].Withdrawn));
        Assert.All(changes, c => Assert.Equal("ARM", c.CountryCode));
        Assert.Single(received.OfType<ProgrammeSubmittedForQualityAssurance>(), e => e.ProgrammeId == id);
        Assert.Single(received.OfType<ProgrammeCompleted>(), e => e.ProgrammeId == id);
        Assert.Equal("Tripartite", received.OfType<ProgrammeEvaluated>().Single(e => e.ProgrammeId == id).EvaluationKind);
        await endpoint.ReceiveEndpoint.Stop();
    }
}
