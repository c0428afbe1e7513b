using System.Runtime.CompilerServices;
using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// The one way to change an aggregate (HOUSE-STYLE "Change an aggregate"): load it, check the
/// caller's expected version, apply the domain method, save it with its events, and, when the
/// caller named no version, do the whole step again on a fresh read if someone saved first.
/// </summary>
public static class AggregateChanges
{
    /// <summary>
    /// Loads with <paramref name="load"/> (which throws NOT_FOUND, or answers a new aggregate, as
    /// the caller's rules say), then applies <paramref name="apply"/>; saves when it answers true.
    /// A stale <paramref name="expectedVersion"/> (not 0) is a <see cref="ConcurrencyConflictException"/>
    /// (ABORTED) at once, never retried: the caller asked to change what it saw, and it has moved on.
    /// With 0, a lost race is retried under <paramref name="retry"/> (default <see cref="ConflictRetry.Request"/>),
    /// and the domain rules run again against the winner's state.
    /// </summary>
    public static Task<T> ChangeAsync<T>(this IAggregateStore<T> store, Func<CancellationToken, Task<T>> load, long expectedVersion,
        Func<T, Task<bool>> apply, CancellationToken cancellationToken, ConflictRetry? retry = null, ProcessedMessage? processedMessage = null,
        [CallerMemberName] string operation = "") where T : Aggregate
    {
        var policy = expectedVersion == 0 ? retry ?? ConflictRetry.Request : ConflictRetry.Never;
        return policy.RunAsync<T, T>(async token =>
        {
            var aggregate = await load(token);
            if (expectedVersion != 0 && expectedVersion != aggregate.Version)
                throw new ConcurrencyConflictException(typeof(T).Name, aggregate.Id);
            if (await apply(aggregate)) await store.SaveAsync(aggregate, processedMessage, token);
            return aggregate;
        }, cancellationToken, operation);
    }

    /// <summary>By id: NOT_FOUND (reason &lt;RESOURCE&gt;_NOT_FOUND) when there is none; saves when <paramref name="apply"/> answers true.</summary>
    public static Task<T> ChangeAsync<T>(this IAggregateStore<T> store, Guid id, string resource, long expectedVersion, Func<T, bool> apply,
        CancellationToken cancellationToken, ConflictRetry? retry = null, [CallerMemberName] string operation = "") where T : Aggregate =>
        store.ChangeAsync(async token => await store.FindAsync(id, token) ?? throw new NotFoundException(resource, id), expectedVersion,
            aggregate => Task.FromResult(apply(aggregate)), cancellationToken, retry, operation: operation);
}
