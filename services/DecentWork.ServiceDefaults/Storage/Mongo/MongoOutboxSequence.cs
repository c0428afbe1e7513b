using MongoDB.Bson;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// The outbox's publish order is commit order: each save that raises events takes its numbers
/// from one counter document inside its transaction. Two saves cannot both hold the counter, so
/// the later one waits (a write conflict, retried by the driver) until the earlier committed or
/// aborted; a number is never visible before every smaller one. It serialises event-raising saves
/// of one service, which costs a little throughput for an order the relay can trust.
/// </summary>
internal static class MongoOutboxSequence
{
    private const string CounterId = "outbox-sequence";
    private const string NextField = "last";

    /// <summary>Numbers the messages in the transaction, in the order they were raised.</summary>
    public static async Task AssignAsync(MongoDatabaseContext context, IClientSessionHandle session, IReadOnlyList<OutboxMessage> messages,
        CancellationToken cancellationToken)
    {
        var counter = await context.State.FindOneAndUpdateAsync(session,
            new BsonDocument("_id", CounterId),
            new BsonDocument("$inc", new BsonDocument(NextField, (long)messages.Count)),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After }, cancellationToken);
        var last = counter[NextField].ToInt64();
        for (var i = 0; i < messages.Count; i++) messages[i].Sequence = last - messages.Count + 1 + i;
    }

    /// <summary>
    /// Starts the counter above any message already queued (earlier releases numbered them by
    /// clock ticks), so nothing waiting is overtaken. $max makes it idempotent and race-free.
    /// </summary>
    public static async Task SeedAsync(MongoDatabaseContext context, CancellationToken cancellationToken)
    {
        var newest = await context.Outbox.Find(FilterDefinition<OutboxMessage>.Empty)
            .SortByDescending(m => m.Sequence).Limit(1).FirstOrDefaultAsync(cancellationToken);
        await context.State.UpdateOneAsync(
            new BsonDocument("_id", CounterId),
            new BsonDocument("$max", new BsonDocument(NextField, newest?.Sequence ?? 0L)),
            new UpdateOptions { IsUpsert = true }, cancellationToken);
    }
}
