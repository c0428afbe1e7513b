namespace DecentWork.ServiceDefaults.Storage;

public static class AggregateStoreExtensions
{
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
