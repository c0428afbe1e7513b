using System.Diagnostics;
using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.Messaging;

/// <summary>
/// Publishes outbox messages to RabbitMQ in the order they were written, deleting each only after
/// the broker confirmed it. While the broker is unreachable it keeps the messages and retries with
/// back-off, so an outage or a crash between write and publish loses nothing. A message published
/// but not yet deleted (crash in between) goes out again with the same MessageId, and consumers'
/// inboxes apply it once.
/// With several instances of a service, only the relay holding the outbox lease publishes, so each
/// event leaves once and in order; the others wait. A holder that dies mid-batch stops renewing,
/// and after <see cref="DefaultLeaseDuration"/> another relay takes over from the first message not yet
/// deleted.
/// </summary>
public sealed class OutboxRelay(IOutbox outbox, OutboxSignal signal, IBus bus, ILogger<OutboxRelay> logger) : BackgroundService
{
    public const string ActivitySourceName = "DecentWork.Outbox";
    private static readonly ActivitySource Source = new(ActivitySourceName);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>Longer than one publish can take (<see cref="PublishTimeout"/>), so a live holder renews before it runs out.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long a lease lasts unrenewed: how long a dead holder's events wait for another relay.</summary>
    public TimeSpan LeaseDuration { get; init; } = DefaultLeaseDuration;

    /// <summary>Who this relay is when it holds the lease: unique per instance, readable in the store.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var relayed = await outbox.TryHoldLeaseAsync(Holder, LeaseDuration, stoppingToken) ? await RelayBatchAsync(stoppingToken) : 0;
                backoff = TimeSpan.FromMilliseconds(250);
                if (relayed == 0) await signal.WaitAsync(IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay could not publish; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
        try { await outbox.ReleaseLeaseAsync(Holder, CancellationToken.None); }
        catch (Exception ex) { logger.LogInformation(ex, "Outbox relay could not release its lease; it runs out by itself"); }
    }

    private async Task<int> RelayBatchAsync(CancellationToken stoppingToken)
    {
        var batch = await outbox.PeekAsync(100, stoppingToken);
        var renewed = Stopwatch.StartNew();
        foreach (var message in batch)
        {
            // Renew well before the lease runs out; if another relay took it meanwhile (this one
            // stalled past it), stop: the new holder publishes the rest, in order.
            if (renewed.Elapsed > LeaseDuration / 3)
            {
                if (!await outbox.TryHoldLeaseAsync(Holder, LeaseDuration, stoppingToken)) return 0;
                renewed.Restart();
            }
            var type = ResolveType(message.MessageType);
            var parent = ActivityContext.TryParse(message.TraceParent, null, out var context) ? context : default;
            using var activity = Source.StartActivity($"relay {type.Name}", ActivityKind.Producer, parent);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(PublishTimeout);
            await bus.Publish(message.Deserialize(type), type,
                Pipe.Execute<PublishContext>(publish => publish.MessageId = message.Id), timeout.Token);
            await outbox.RemoveAsync(message.Id, stoppingToken);
        }
        return batch.Count;
    }

    // Integration events live only in the contracts assembly, so that is the only place to look.
    private static Type ResolveType(string fullName) =>
        typeof(ProgrammeRegistered).Assembly.GetType(fullName, throwOnError: true)!;
}
