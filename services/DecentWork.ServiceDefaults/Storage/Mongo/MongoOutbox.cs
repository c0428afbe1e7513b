using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

public sealed class MongoOutbox(MongoDatabaseContext context) : IOutbox
{
    public async Task<IReadOnlyList<OutboxMessage>> PeekAsync(int max, CancellationToken cancellationToken) =>
        await context.Outbox.Find(FilterDefinition<OutboxMessage>.Empty)
            .SortBy(m => m.Sequence).Limit(max).ToListAsync(cancellationToken);

    public Task RemoveAsync(Guid id, CancellationToken cancellationToken) =>
        context.Outbox.DeleteOneAsync(m => m.Id == id, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        context.Outbox.CountDocumentsAsync(FilterDefinition<OutboxMessage>.Empty, cancellationToken: cancellationToken);
}
