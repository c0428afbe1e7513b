using System.Linq.Expressions;

namespace DecentWork.ServiceDefaults.Storage;

public static class AggregateStoreExtensions
{
    /// <summary>How many aggregates one read of <see cref="ReadAllAsync"/> asks for.</summary>
    public const int ReadAllChunk = 200;

    /// <summary>
    /// Every aggregate matching the filter, in the given order, read in bounded chunks (the order
    /// keeps chunks stable). For reports and start-up migrations over collections of at most a few
    /// thousand records, where counting in memory is cheaper than keeping a view up to date.
    /// </summary>
    public static async Task<List<T>> ReadAllAsync<T>(this IAggregateStore<T> store, Expression<Func<T, bool>> filter, SortOrder<T> order,
        CancellationToken cancellationToken) where T : Aggregate
    {
        var all = new List<T>();
        while (true)
        {
            var chunk = await store.QueryAsync(filter, order, all.Count, ReadAllChunk, cancellationToken);
            all.AddRange(chunk);
            if (chunk.Count < ReadAllChunk) return all;
        }
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
}
