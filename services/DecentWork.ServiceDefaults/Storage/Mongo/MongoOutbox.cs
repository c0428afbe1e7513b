using MongoDB.Bson;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// The relay's side of the outbox. Reads are majority reads (the client's default, see
/// <see cref="MongoDatabaseContext"/>), so the relay never publishes a write a failover could
/// still roll back.
/// </summary>
public sealed class MongoOutbox(MongoDatabaseContext context) : IOutbox
{
    private const string LeaseId = "relay-lease";

    public Task<IReadOnlyList<OutboxMessage>> PeekAsync(int max, CancellationToken cancellationToken) => MongoFailures.Guard(async () =>
        (IReadOnlyList<OutboxMessage>)await context.Outbox.Find(FilterDefinition<OutboxMessage>.Empty)
            .SortBy(m => m.Sequence).Limit(max).ToListAsync(cancellationToken));

    public Task RemoveAsync(Guid id, CancellationToken cancellationToken) =>
        MongoFailures.Guard(() => context.Outbox.DeleteOneAsync(m => m.Id == id, cancellationToken));

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        MongoFailures.Guard(() => context.Outbox.CountDocumentsAsync(FilterDefinition<OutboxMessage>.Empty, cancellationToken: cancellationToken));

    /// <summary>
    /// Takes or renews the lease when it is free, expired or already this holder's. The server's
    /// clock ($$NOW) decides expiry, so instances whose clocks differ still agree. When another
    /// holder has it, the filter matches nothing and the upsert meets the lease's _id: false.
    /// </summary>
    public async Task<bool> TryHoldLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var filter = new BsonDocument
        {
            ["_id"] = LeaseId,
            ["$or"] = new BsonArray
            {
                new BsonDocument("holder", holder),
                new BsonDocument("$expr", new BsonDocument("$lt", new BsonArray { "$expiresAt", "$$NOW" })),
            },
        };
        var take = new BsonDocument("$set", new BsonDocument
        {
            ["holder"] = holder,
            ["expiresAt"] = new BsonDocument("$add", new BsonArray { "$$NOW", (long)duration.TotalMilliseconds }),
        });
        try
        {
            await MongoFailures.Guard(() => context.State.UpdateOneAsync(filter, Builders<BsonDocument>.Update.Pipeline(new[] { take }),
                new UpdateOptions { IsUpsert = true }, cancellationToken));
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken) =>
        context.State.UpdateOneAsync(new BsonDocument { ["_id"] = LeaseId, ["holder"] = holder },
            Builders<BsonDocument>.Update.Pipeline(new[] { new BsonDocument("$set", new BsonDocument("expiresAt", "$$NOW")) }),
            cancellationToken: cancellationToken);
}
