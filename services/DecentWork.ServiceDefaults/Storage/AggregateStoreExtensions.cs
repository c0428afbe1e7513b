using System.Linq.Expressions;

namespace DecentWork.ServiceDefaults.Storage;

public static class AggregateStoreExtensions
{
    /// <summary>How many aggregates one read of <see cref="ReadAllAsync"/> asks for.</summary>
    public const int ReadAllChunk = 200;

    /// <summary>
    /// Every aggregate matching the filter, in the given order, read in bounded chunks by key (each
    /// chunk starts after the last key of the one before, so the cost is linear and no record is
    /// read twice while others write). For start-up migrations and small bounded sets (one
    /// programme's editions); reports read projections instead (see <see cref="Projection{T}"/>).
    /// </summary>
    public static async Task<List<T>> ReadAllAsync<T>(this IAggregateStore<T> store, Expression<Func<T, bool>> filter, SortOrder<T> order,
        CancellationToken cancellationToken) where T : Aggregate
    {
        var all = new List<T>();
        string? after = null;
        while (true)
        {
            var chunk = await store.QueryAfterAsync(filter, order, after, ReadAllChunk, cancellationToken);
            all.AddRange(chunk);
            if (chunk.Count < ReadAllChunk) return all;
            after = order.KeyOf(chunk[^1]);
        }
    }

    /// <summary>
    /// Whether any aggregate lacks one of the given string keys (the field missing, as in a document
    /// written before the key existed, or empty). One count per key and case, each a seek on the key's
    /// index, so a start-up migration that has nothing left to do costs the same however many
    /// aggregates are stored, instead of reading them all (and keeping their pages in memory).
    /// A missing field reads as null in both stores' filters.
    /// </summary>
    public static async Task<bool> AnyLackingAsync<T>(this IAggregateStore<T> store, CancellationToken cancellationToken,
        params Expression<Func<T, string>>[] keys) where T : Aggregate
    {
        foreach (var key in keys)
            foreach (var lacking in new[] { Expression.Constant(null, typeof(string)), Expression.Constant("") })
            {
                var filter = Expression.Lambda<Func<T, bool>>(Expression.Equal(key.Body, lacking), key.Parameters);
                if (await store.CountAsync(filter, cancellationToken) > 0) return true;
            }
        return false;
    }

    /// <summary>
    /// Stores a new view built from an event, once. The inbox recognises a redelivery of the same
    /// message; the id lookup and the unique id recognise the same fact republished under a new
    /// message id (an outbox replay), including two deliveries racing. False when nothing was written.
    /// </summary>
    public static async Task<bool> AddOnceAsync<T>(this IAggregateStore<T> store, T aggregate, ProcessedMessage message, CancellationToken cancellationToken)
        where T : Aggregate
    {
        if (await store.FindAsync(aggregate.Id, cancellationToken) is not null) return false;
        try
        {
            return await store.SaveAsync(aggregate, message, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies a start-up migration (a backfill) to one aggregate and saves it; false when it had
    /// nothing to change. When another instance starting at the same time, or a request, saved the
    /// aggregate first, reads it again and applies the migration to that, where it is usually a
    /// no-op: two instances backfilling at once neither fail nor undo each other.
    /// </summary>
    public static Task<bool> MigrateAsync<T>(this IAggregateStore<T> store, T aggregate, Func<T, bool> migrate, CancellationToken cancellationToken)
        where T : Aggregate
    {
        T? current = aggregate;
        return (ConflictRetry.Consumer with { DuplicateKeyIsConflict = false }).RunAsync<T, bool>(async token =>
        {
            current ??= await store.FindAsync(aggregate.Id, token);
            var migrating = current;
            current = null; // a lost race reads the winner's state next time
            if (migrating is null || !migrate(migrating)) return false;
            await store.SaveAsync(migrating, cancellationToken: token);
            return true;
        }, cancellationToken);
    }
}
