using System.Diagnostics.Metrics;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>
/// Counts, since the service started, what its consumers did: messages consumed, attempts retried
/// (and of those, how many lost a race with another update of the same record), messages faulted
/// to an <c>_error</c> queue. Fed by MassTransit's consume and retry observers; exported as
/// metrics on the <see cref="MeterName"/> meter and answered by GetMessagingStatus.
/// </summary>
public sealed class MessagingCounters : IConsumeObserver, IRetryObserver
{
    public const string MeterName = "DecentWork.Messaging";

    private readonly Counter<long> _consumedMetric;
    private readonly Counter<long> _retriesMetric;
    private readonly Counter<long> _conflictsMetric;
    private readonly Counter<long> _faultsMetric;
    private long _consumed, _retries, _conflicts, _faults;

    public MessagingCounters(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _consumedMetric = meter.CreateCounter<long>("decentwork.messaging.consumed", "{message}", "Messages consumed successfully");
        _retriesMetric = meter.CreateCounter<long>("decentwork.messaging.retries", "{attempt}", "Consume attempts that failed and were retried");
        _conflictsMetric = meter.CreateCounter<long>("decentwork.messaging.conflicts", "{attempt}", "Retried attempts that lost an optimistic-concurrency race");
        _faultsMetric = meter.CreateCounter<long>("decentwork.messaging.faults", "{message}", "Messages that failed every retry and were parked in an _error queue");
    }

    public long Consumed => Interlocked.Read(ref _consumed);
    public long Retries => Interlocked.Read(ref _retries);
    public long Conflicts => Interlocked.Read(ref _conflicts);
    public long Faults => Interlocked.Read(ref _faults);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Increment(ref _consumed);
        _consumedMetric.Add(1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PostCreate<T>(RetryPolicyContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task PostFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task PreRetry<T>(RetryContext<T> context) where T : class, PipeContext
    {
        Interlocked.Increment(ref _retries);
        _retriesMetric.Add(1);
        if (context.Exception is ConcurrencyConflictException || context.Exception?.InnerException is ConcurrencyConflictException)
        {
            Interlocked.Increment(ref _conflicts);
            _conflictsMetric.Add(1);
        }
        return Task.CompletedTask;
    }

    public Task RetryFault<T>(RetryContext<T> context) where T : class, PipeContext
    {
        Interlocked.Increment(ref _faults);
        _faultsMetric.Add(1);
        return Task.CompletedTask;
    }

    public Task RetryComplete<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;
}
