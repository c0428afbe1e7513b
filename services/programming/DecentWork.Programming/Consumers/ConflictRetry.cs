using System.Diagnostics;
using System.Diagnostics.Metrics;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Consumers;

/// <summary>
/// Retries a read-change-save step that lost an optimistic-concurrency race with another update of
/// the same programme, with exponential back-off and full jitter, until a deadline. The bus's few
/// fixed-interval retries let racing messages collide again in lock-step and sent some to the
/// _error queue uncounted; random waits spread them out, and the deadline still lets a step that
/// can never succeed fail and be redelivered.
/// </summary>
internal static class ConflictRetry
{
    public const string MeterName = "DecentWork.Programming";
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>(
        "decentwork.programming.consumer.conflicts", description: "Saves that lost a race with another update of the same record and were retried.");

    public static async Task<T> UntilSavedAsync<T>(Func<Task<T>> step, string consumer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            // A duplicate key is the same race on a record's first save: both found none and both inserted.
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateKeyException && Stopwatch.GetElapsedTime(started) < Deadline)
            {
                Conflicts.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
                var ceilingMs = Math.Min(1_000, 4 << Math.Min(attempt, 8));
                await Task.Delay(Random.Shared.Next(1, ceilingMs + 1), cancellationToken);
            }
        }
    }
}
