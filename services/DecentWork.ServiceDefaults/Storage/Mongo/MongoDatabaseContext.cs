using MongoDB.Bson;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// One database per service. Transactions need a replica set (single-node is enough), which
/// <see cref="MongoTopology"/> checks at start-up and in health.
/// </summary>
public sealed class MongoDatabaseContext
{
    public const string OutboxCollection = "outbox";
    public const string InboxCollection = "inbox";
    /// <summary>Small documents the adapter keeps for itself: the outbox sequence and the relay lease.</summary>
    public const string CountersCollection = "outbox_state";

    /// <summary>A lost server answers within this, so a request or a health check never waits 30 s (the driver's default).</summary>
    public static readonly TimeSpan ServerSelectionTimeout = TimeSpan.FromSeconds(5);

    public MongoDatabaseContext(string connectionString, string databaseName, TimeSpan? inboxRetention = null)
    {
        MongoSerialization.RegisterConventions();
        var settings = MongoClientSettings.FromConnectionString(connectionString);
        // The driver's 30 s defaults, unless the connection string chose its own.
        if (!Names(connectionString, "serverSelectionTimeoutMS")) settings.ServerSelectionTimeout = ServerSelectionTimeout;
        if (!Names(connectionString, "connectTimeoutMS")) settings.ConnectTimeout = ServerSelectionTimeout;
        // An event must not outlive its write: a write acknowledged by the primary alone can be
        // rolled back after a failover, while its event has already left through the relay.
        // Majority writes and reads everywhere, including the relay's reads of the outbox.
        settings.WriteConcern = WriteConcern.WMajority;
        settings.ReadConcern = ReadConcern.Majority;
        settings.ReadPreference = ReadPreference.Primary;
        Client = new MongoClient(settings);
        Database = Client.GetDatabase(databaseName);
        Outbox = Database.GetCollection<OutboxMessage>(OutboxCollection);
        Inbox = Database.GetCollection<BsonDocument>(InboxCollection);
        State = Database.GetCollection<BsonDocument>(CountersCollection);
        InboxRetention = inboxRetention ?? StorageSettings.DefaultInboxRetention;
    }

    private static bool Names(string connectionString, string option) => connectionString.Contains(option + "=", StringComparison.OrdinalIgnoreCase);

    public IMongoClient Client { get; }
    public IMongoDatabase Database { get; }
    public IMongoCollection<OutboxMessage> Outbox { get; }
    public IMongoCollection<BsonDocument> Inbox { get; }
    public IMongoCollection<BsonDocument> State { get; }
    public TimeSpan InboxRetention { get; }

    /// <summary>Transactions commit with majority write concern and read majority-committed data.</summary>
    public static readonly TransactionOptions Transactions = new(ReadConcern.Majority, writeConcern: WriteConcern.WMajority);

    private readonly SemaphoreSlim _initialized = new(1, 1);
    private bool _done;

    /// <summary>
    /// Once per process (every aggregate store calls it): the server is a writable replica-set
    /// member, the outbox and inbox indexes exist, and the outbox sequence starts above what is
    /// already queued. Each step is idempotent, so two instances starting at once are safe.
    /// </summary>
    public async Task EnsureSharedStateAsync(CancellationToken cancellationToken)
    {
        await _initialized.WaitAsync(cancellationToken);
        try
        {
            if (_done) return;
            await MongoTopology.RequireWritablePrimaryAsync(Database, cancellationToken);
            await MongoIndexes.EnsureAsync(Outbox, MongoIndexes.Define(Builders<OutboxMessage>.IndexKeys.Ascending(m => m.Sequence), "Sequence_1"),
                cancellationToken);
            await MongoIndexes.EnsureAsync(Inbox, MongoIndexes.Define(Builders<BsonDocument>.IndexKeys.Ascending(MongoInbox.ProcessedAtField),
                $"{MongoInbox.ProcessedAtField}_ttl", new CreateIndexOptions { ExpireAfter = InboxRetention }), cancellationToken);
            await MongoOutboxSequence.SeedAsync(this, cancellationToken);
            _done = true;
        }
        finally
        {
            _initialized.Release();
        }
    }
}
