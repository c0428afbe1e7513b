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
/// </summary>
public sealed class OutboxRelay(IOutbox outbox, OutboxSignal signal, IBus bus, ILogger<OutboxRelay> logger) : BackgroundService
{
    public const string ActivitySourceName = "DecentWork.Outbox";
    private static readonly ActivitySource Source = new(ActivitySourceName);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var relayed = await RelayBatchAsync(stoppingToken);
                backoff = TimeSpan.FromMilliseconds(250);
                if (relayed == 0) await signal.WaitAsync(IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay could not publish; retrying in {Backoff}", backoff);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken stoppingToken)
    {
        var batch = await outbox.PeekAsync(100, stoppingToken);
        foreach (var message in batch)
        {
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
