using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Messaging;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// Two outbox relays, as two instances of a service would run, over one embedded store (LiteDB
/// allows one process per file, so both run in this process) and a real RabbitMQ: every event
/// leaves once, in the order written, including when one relay dies holding the lease.
/// </summary>
public sealed class TwoRelaysTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"relays-{Guid.NewGuid():N}");
    private readonly List<IAsyncDisposable> _cleanup = [];
    private RabbitMqBroker _broker = null!;
    private string _rabbitUri = "";
    private LiteDbDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.SharedAsync();
        _rabbitUri = await _broker.CreateVirtualHostAsync("relays");
        _db = new LiteDbDatabase(Path.Combine(_folder, "store.db"));
    }

    private async Task<OutboxRelay> StartRelayAsync(TimeSpan lease)
    {
        var (bus, services) = await RelayedEvents.PublisherAsync(_rabbitUri);
        var relay = new OutboxRelay(new LiteDbOutbox(_db), new OutboxSignal(), bus, NullLogger<OutboxRelay>.Instance) { LeaseDuration = lease };
        await relay.StartAsync(default);
        _cleanup.Add(new Stop(async () =>
        {
            await relay.StopAsync(default);
            await bus.StopAsync();
            await services.DisposeAsync();
        }));
        return relay;
    }

    private async Task<List<string>> WriteAsync(int saves, int eventsPerSave)
    {
        var store = new LiteDbAggregateStore<Dispatch>(_db, "dispatches", [], new OutboxSignal());
        var titles = new List<string>();
        for (var i = 0; i < saves; i++)
        {
            var dispatch = Dispatch.Raise($"save-{i:D3}", eventsPerSave);
            titles.AddRange(dispatch.PendingEvents().Cast<ProgrammeRegistered>().Select(e => e.Title));
            await store.SaveAsync(dispatch);
        }
        return titles;
    }

    /// <summary>
    /// Waits until the outbox is empty, then sends a marker behind everything the relays published:
    /// one consumer taking one message at a time has seen all of it once the marker arrives.
    /// </summary>
    private async Task<List<(Guid MessageId, string Title)>> DrainAsync(RelayedEvents events)
    {
        var outbox = new LiteDbOutbox(_db);
        await Eventually.Until(() => outbox.CountAsync(default), left => left == 0, TimeSpan.FromSeconds(90), "the outbox to empty");
        var (bus, services) = await RelayedEvents.PublisherAsync(_rabbitUri);
        await bus.Publish(new ProgrammeRegistered(Guid.NewGuid(), "TZA", "Africa", "marker", default, default, default));
        await Eventually.Until(() => Task.FromResult(events.Received.Any(r => r.Title == "marker")), seen => seen, TimeSpan.FromSeconds(30), "the marker");
        await bus.StopAsync();
        await services.DisposeAsync();
        return events.Received.Where(r => r.Title != "marker").ToList();
    }

    [Fact]
    public async Task Relay_WhenTwoRelaysRunOverOneStore_PublishesEachEventOnceInOrder()
    {
        await using var events = await RelayedEvents.ListenAsync(_rabbitUri, "two-relays");
        await StartRelayAsync(OutboxRelay.DefaultLeaseDuration);
        await StartRelayAsync(OutboxRelay.DefaultLeaseDuration);

        var written = await WriteAsync(saves: 40, eventsPerSave: 3);
        var received = await DrainAsync(events);

        Assert.Equal(written, received.Select(r => r.Title));
        Assert.Equal(received.Count, received.Select(r => r.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Relay_WhenTheLeaseHolderDiesMidBatch_AnotherRelayPublishesTheRestInOrder()
    {
        await using var events = await RelayedEvents.ListenAsync(_rabbitUri, "handover");
        var written = await WriteAsync(saves: 10, eventsPerSave: 2);
        var outbox = new LiteDbOutbox(_db);
        // The dying relay: takes a short lease, publishes the first three messages of its batch,
        // and is gone before it deletes the third (a crash between publish and delete).
        Assert.True(await outbox.TryHoldLeaseAsync("dying-relay", TimeSpan.FromSeconds(1), default));
        var batch = await outbox.PeekAsync(100, default);
        var (bus, services) = await RelayedEvents.PublisherAsync(_rabbitUri);
        foreach (var message in batch.Take(3))
            await bus.Publish(message.Deserialize(typeof(ProgrammeRegistered)), typeof(ProgrammeRegistered),
                Pipe.Execute<PublishContext>(p => p.MessageId = message.Id));
        await outbox.RemoveAsync(batch[0].Id, default);
        await outbox.RemoveAsync(batch[1].Id, default);
        await bus.StopAsync();
        await services.DisposeAsync();

        await StartRelayAsync(OutboxRelay.DefaultLeaseDuration);
        var received = await DrainAsync(events);

        // Nothing lost, nothing out of order; the one message published but not deleted goes out
        // again under the same MessageId, which consumers' inboxes apply once.
        Assert.Equal(written, received.Select(r => r.Title).Distinct());
        Assert.Equal([batch[2].Id], received.GroupBy(r => r.MessageId).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(written.Count + 1, received.Count);
    }

    public async Task DisposeAsync()
    {
        foreach (var item in _cleanup) await item.DisposeAsync();
        _db.Dispose();
        await _broker.DeleteVirtualHostAsync(_rabbitUri);
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private sealed class Stop(Func<Task> stop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await stop();
    }
}
