using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using Microsoft.Extensions.DependencyInjection;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Faults, on a broker of their own so the outage disturbs no other test: a write succeeds while
/// RabbitMQ is down, survives a crash of the writing service, and its event arrives exactly once
/// after both come back.
/// </summary>
public class BrokerOutageTests : IAsyncLifetime
{
    private Platform _platform = null!;

    public async Task InitializeAsync() => _platform = await Platform.StartAsync(await RabbitMqBroker.StartDedicatedAsync("outage"));

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _platform.Broker.DisposeAsync();
    }

    [Fact]
    public async Task RegisterProgramme_WhenBrokerIsDownAndServiceRestarts_EventArrivesExactlyOnce()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(_platform.GatewayGrpc);
        var coordination = new CoordinationV1.CoordinationService.CoordinationServiceClient(_platform.GatewayGrpc);
        await coordination.RegisterUndafAsync(new CoordinationV1.RegisterUndafRequest { CountryCode = "RWA", CycleStartYear = 2008, CycleEndYear = 2012 });

        await _platform.Broker.StopAsync();
        var programme = await programmes.RegisterProgrammeAsync(new ProgrammingV1.RegisterProgrammeRequest
        {
            CountryCode = "RWA",
            Title = "DWCP Rwanda, written during an outage",
            PeriodStart = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)),
            PeriodEnd = ProtoConvert.ToDate(new DateOnly(2012, 12, 31)),
        });
        Assert.Equal(programme, await programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = programme.Id }));

        // The service goes down with the event still in its outbox: nothing may be lost.
        await _platform.Programming.StopAsync();
        await _platform.Broker.StartAsync();
        await _platform.Programming.StartAsync();

        var coverage = await Eventually.Until(
            () => coordination.ListCountryCoverageAsync(new CoordinationV1.ListCountryCoverageRequest()).ResponseAsync,
            c => c.Countries.Any(x => x.ProgrammeIds.Contains(programme.Id)), TimeSpan.FromSeconds(60), "the event after the outage");
        Assert.Equal([programme.Id], coverage.Countries.Single(c => c.CountryCode == "RWA").ProgrammeIds);

        var id = Guid.Parse(programme.Id);
        var coordinationView = _platform.Coordination.Services.GetRequiredService<IAggregateStore<DecentWork.Coordination.Domain.KnownProgramme>>();
        var trainingView = _platform.Training.Services.GetRequiredService<IAggregateStore<DecentWork.Training.Domain.KnownProgramme>>();
        await Eventually.Until(() => trainingView.CountAsync(p => p.Id == id), n => n == 1, what: "training's view");
        await Task.Delay(1000); // a duplicate would land within the relay's poll interval
        Assert.Equal(1, await coordinationView.CountAsync(p => p.Id == id));
        Assert.Equal(1, await trainingView.CountAsync(p => p.Id == id));
        Assert.Equal(1, (await coordinationView.FindAsync(id))!.Version);
        var outbox = _platform.Programming.Services.GetRequiredService<IOutbox>();
        Assert.Equal(0, await outbox.CountAsync(default));
    }
}
