using System.Diagnostics.Metrics;
using DecentWork.ServiceDefaults.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>What the service's messaging looked like at one moment.</summary>
public sealed record MessagingSample(
    DateTimeOffset TakenAt, long OutboxSize, TimeSpan OutboxOldestAge,
    IReadOnlyDictionary<string, (long Waiting, long Parked)> Queues, bool BrokerReached);

/// <summary>
/// Samples the outbox and the consumer queues: on demand (health, GetMessagingStatus) and every
/// few seconds in the background, so the gauges of the <see cref="MessagingCounters.MeterName"/>
/// meter (outbox size and age, each queue's lag and parked messages) read the last sample
/// instead of touching the store and the broker on every collection.
/// </summary>
public sealed class MessagingSnapshot : BackgroundService
{
    private readonly IOutbox _outbox;
    private readonly ConsumerQueues _queues;
    private readonly BrokerQueues _broker;
    private readonly TimeProvider _clock;
    private readonly ILogger<MessagingSnapshot> _logger;
    private MessagingSample _last;

    public MessagingSnapshot(IOutbox outbox, ConsumerQueues queues, BrokerQueues broker, TimeProvider clock,
        IMeterFactory meters, ILogger<MessagingSnapshot> logger)
    {
        _outbox = outbox;
        _queues = queues;
        _broker = broker;
        _clock = clock;
        _logger = logger;
        _last = new MessagingSample(clock.GetUtcNow(), 0, TimeSpan.Zero, new Dictionary<string, (long, long)>(), false);
        var meter = meters.Create(MessagingCounters.MeterName);
        meter.CreateObservableGauge("decentwork.messaging.outbox.size", () => _last.OutboxSize, "{event}", "Events written but not yet confirmed by the broker");
        meter.CreateObservableGauge("decentwork.messaging.outbox.age", () => _last.OutboxOldestAge.TotalSeconds, "s", "Age of the oldest event in the outbox");
        meter.CreateObservableGauge("decentwork.messaging.queue.waiting", () => Measure(q => q.Waiting), "{message}", "Messages waiting in a consumer queue (its lag)");
        meter.CreateObservableGauge("decentwork.messaging.queue.parked", () => Measure(q => q.Parked), "{message}", "Messages parked in a consumer's _error queue");
    }

    public MessagingSample Last => _last;

    private IEnumerable<Measurement<long>> Measure(Func<(long Waiting, long Parked), long> value) =>
        _last.Queues.Select(q => new Measurement<long>(value(q.Value), new KeyValuePair<string, object?>("queue", q.Key)));

    public async Task<MessagingSample> SampleAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var size = await _outbox.CountAsync(cancellationToken);
        var oldest = size == 0 ? null : (await _outbox.PeekAsync(1, cancellationToken)).FirstOrDefault();
        var age = oldest is null ? TimeSpan.Zero : now - new DateTimeOffset(DateTime.SpecifyKind(oldest.CreatedAtUtc, DateTimeKind.Utc));
        var queues = new Dictionary<string, (long, long)>();
        var reached = true;
        try
        {
            foreach (var queue in _queues.Names)
                queues[queue] = (await _broker.CountAsync(queue, cancellationToken),
                    await _broker.CountAsync(ConsumerQueues.ErrorQueueOf(queue), cancellationToken));
        }
        catch (Exception e) when (e is BrokerUnavailableException or RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            // The bus's own health check reports the broker; keep the last known queue figures.
            reached = false;
            queues = new Dictionary<string, (long, long)>(_last.Queues);
        }
        return _last = new MessagingSample(now, size, age < TimeSpan.Zero ? TimeSpan.Zero : age, queues, reached);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), _clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Could not sample the outbox and queues");
            }
        }
    }
}
