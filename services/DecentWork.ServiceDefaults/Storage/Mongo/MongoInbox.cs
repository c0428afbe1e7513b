using MongoDB.Bson;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// The inbox: one document per message a consumer applied ({_id: "consumer:messageId", ProcessedAtUtc}).
/// A TTL index removes entries after the retention (StorageSettings.InboxRetention), which must
/// outlast the time the broker can still redeliver a message.
/// </summary>
internal static class MongoInbox
{
    public const string ProcessedAtField = "ProcessedAtUtc";

    /// <summary>
    /// Records the message in the transaction; false when it was recorded before. An upsert, not
    /// find-then-insert: two deliveries racing write the same document, so one of them meets a
    /// write conflict, and the driver retries its whole transaction, which then sees the entry.
    /// </summary>
    public static async Task<bool> RecordAsync(IMongoCollection<BsonDocument> inbox, IClientSessionHandle session, ProcessedMessage message,
        CancellationToken cancellationToken)
    {
        var result = await inbox.UpdateOneAsync(session,
            new BsonDocument("_id", message.Key),
            new BsonDocument("$setOnInsert", new BsonDocument(ProcessedAtField, DateTime.UtcNow)),
            new UpdateOptions { IsUpsert = true }, cancellationToken);
        return result.UpsertedId is not null;
    }
}
