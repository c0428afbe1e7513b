using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// How long a step that lost an optimistic-concurrency race is tried again. Waits grow
/// exponentially and are drawn at random below that ceiling (full jitter): a fixed handful of
/// fixed-interval retries let racing updates of one aggregate collide again in lock-step and sent
/// some to the _error queue uncounted; random waits spread them out, and the deadline still lets a
/// step that can never succeed fail (and a message be redelivered or parked).
/// </summary>
/// <param name="Deadline">No new attempt starts after this much time since the first.</param>
/// <param name="DuplicateKeyIsConflict">
/// A duplicate key is the same race on a record's first save (both found none, both inserted);
/// only for steps whose new records have no unique key but their id, since a unique name taken
/// by someone else would otherwise be retried until the deadline instead of answered.
/// </param>
public sealed record ConflictRetry(TimeSpan Deadline, bool DuplicateKeyIsConflict = false)
{
    /// <summary>For a user's request: a caller waits on it, so the race is given seconds, not a minute.</summary>
    public static readonly ConflictRetry Request = new(TimeSpan.FromSeconds(10));

    /// <summary>For a consumer or a background job: nobody waits, and giving up parks or redelivers the message.</summary>
    public static readonly ConflictRetry Consumer = new(TimeSpan.FromSeconds(60), DuplicateKeyIsConflict: true);

    /// <summary>One attempt: for a caller who named the version it changes, for whom a conflict is the answer.</summary>
    public static readonly ConflictRetry Never = new(TimeSpan.Zero);

    public const string MeterName = "DecentWork.Aggregates";
    public const string ConflictsMetric = "decentwork.aggregate.conflicts";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>(ConflictsMetric, "{attempt}",
        "Attempts that lost a race with another update of the same aggregate and were tried again");

    /// <summary>The ceiling of the first wait; it doubles with every attempt up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(4);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="step"/> (which reads what it changes itself, so every attempt sees the
    /// winner's state) until it completes, a non-conflict exception escapes, the deadline passes
    /// (the last conflict is thrown) or <paramref name="cancellationToken"/> is cancelled.
    /// Every retried conflict is counted, tagged with the service and <typeparamref name="TAggregate"/>
    /// (the aggregate the step changes) and the operation.
    /// </summary>
    public Task<TResult> RunAsync<TAggregate, TResult>(Func<CancellationToken, Task<TResult>> step, CancellationToken cancellationToken,
        [CallerMemberName] string operation = "") where TAggregate : Aggregate =>
        RunAsync(step, typeof(TAggregate), operation, cancellationToken);

    private async Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> step, Type aggregate, string operation,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await step(cancellationToken);
            }
            catch (Exception e) when (IsConflict(e) && Stopwatch.GetElapsedTime(started) < Deadline)
            {
                Conflicts.Add(1, new KeyValuePair<string, object?>("service", ServiceOf(aggregate)),
                    new KeyValuePair<string, object?>("aggregate", aggregate.Name), new KeyValuePair<string, object?>("operation", operation));
                await Task.Delay(DelayBefore(attempt + 1, Deadline - Stopwatch.GetElapsedTime(started)), cancellationToken);
            }
        }
    }

    private bool IsConflict(Exception e) => e is ConcurrencyConflictException || (DuplicateKeyIsConflict && e is DuplicateKeyException);

    /// <summary>A random wait below min(first × 2^(attempt-2), max), never past the deadline.</summary>
    internal TimeSpan DelayBefore(int attempt, TimeSpan remaining)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 2, 20)));
        var wait = TimeSpan.FromMilliseconds(Math.Max(1, Random.Shared.NextDouble() * ceiling));
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : wait < remaining ? wait : remaining;
    }

    /// <summary>"DecentWork.Programming" → "programming": aggregates live in their service's assembly.</summary>
    private static string ServiceOf(Type aggregate)
    {
        var assembly = aggregate.Assembly.GetName().Name ?? "";
        return assembly.StartsWith("DecentWork.", StringComparison.Ordinal) ? assembly["DecentWork.".Length..].ToLowerInvariant() : assembly.ToLowerInvariant();
    }
}
