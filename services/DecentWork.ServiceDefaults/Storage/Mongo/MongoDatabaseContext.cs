using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>One database per service. Transactions need a replica set (single-node is enough).</summary>
public sealed class MongoDatabaseContext
{
    public const string OutboxCollection = "outbox";
    public const string InboxCollection = "inbox";

    public MongoDatabaseContext(string connectionString, string databaseName)
    {
        MongoSerialization.RegisterConventions();
        Client = new MongoClient(connectionString);
        Database = Client.GetDatabase(databaseName);
        Outbox = Database.GetCollection<OutboxMessage>(OutboxCollection);
        Inbox = Database.GetCollection<InboxEntry>(InboxCollection);
    }

    public IMongoClient Client { get; }
    public IMongoDatabase Database { get; }
    public IMongoCollection<OutboxMessage> Outbox { get; }
    public IMongoCollection<InboxEntry> Inbox { get; }

    public Task EnsureOutboxIndexesAsync(CancellationToken cancellationToken) =>
        Outbox.Indexes.CreateOneAsync(
            new CreateIndexModel<OutboxMessage>(Builders<OutboxMessage>.IndexKeys.Ascending(m => m.Sequence)),
            cancellationToken: cancellationToken);
}

/// <summary>A processed message id, per consumer.</summary>
public sealed record InboxEntry(string Id, DateTime ProcessedAtUtc);
