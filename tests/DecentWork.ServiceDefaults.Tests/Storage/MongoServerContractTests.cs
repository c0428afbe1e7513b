using DecentWork.Contracts.Events.Programming;
using DecentWork.Programming.Domain;
using DecentWork.Programming.Storage;
using DecentWork.ServiceDefaults.Messaging;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Mongo;
using DecentWork.ServiceDefaults.Tests.Storage.Mongo;
using DecentWork.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// What only a MongoDB server shows, beyond the shared contract: raw documents of earlier
/// releases, fail points, index migrations, a standalone server, two relays. Skipped with the
/// reason where no server exists (a failure with DECENTWORK_REQUIRE_MONGODB=1); each test's
/// database is dropped afterwards.
/// </summary>
public sealed class MongoServerContractTests : IAsyncLifetime
{
    private readonly List<string> _databases = [];
    private MongoServer _server = null!;

    public async Task InitializeAsync() => _server = await MongoServer.SharedAsync();

    private MongoDatabaseContext NewContext(string? database = null)
    {
        _server.SkipOrFailIfMissing();
        database ??= $"server-{Guid.NewGuid():N}";
        _databases.Add(database);
        return new MongoDatabaseContext(_server.ConnectionString!, database);
    }

    public async Task DisposeAsync()
    {
        if (_server.ConnectionString is null) return;
        var client = _server.Client();
        foreach (var database in _databases.Distinct()) await client.DropDatabaseAsync(database);
    }

    [SkippableFact]
    public async Task Save_WhenAnOlderReleaseSavesADocumentWithANewerField_KeepsThatField()
    {
        var context = NewContext();
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [], new OutboxSignal());
        var ledger = Ledger.Open("L-1", "TZA", 1m, new DateOnly(2008, 1, 1));
        await store.SaveAsync(ledger);
        var raw = context.Database.GetCollection<BsonDocument>("ledgers");
        await raw.UpdateOneAsync(new BsonDocument("_id", new BsonBinaryData(ledger.Id, GuidRepresentation.Standard)),
            new BsonDocument("$set", new BsonDocument("AddedByNewerRelease", "keep me")));

        var loaded = (await store.FindAsync(ledger.Id))!;
        loaded.Credit(2m);
        await store.SaveAsync(loaded);

        var stored = await raw.Find(new BsonDocument("_id", new BsonBinaryData(ledger.Id, GuidRepresentation.Standard))).SingleAsync();
        Assert.Equal("keep me", stored["AddedByNewerRelease"].AsString);
        Assert.Equal(2L, stored["Version"].ToInt64());
    }

    [SkippableFact]
    public async Task Backfill_WhenRawDocumentsLackTheNewerKeys_GivesThemKeysAndTheUniqueIndexesBuild()
    {
        var context = NewContext();
        var raw = context.Database.GetCollection<BsonDocument>("programmes");
        for (var i = 0; i < 3; i++)
        {
            var document = BsonRoundTripTests.Write(typeof(Programme), BsonRoundTripTests.Sample(typeof(Programme)));
            document.Remove(nameof(Programme.ApprovalSlot));
            document.Remove(nameof(Programme.RequestKey));
            await raw.InsertOneAsync(document);
        }
        StoreIndex<Programme>[] indexes = [new(p => p.ApprovalSlot, Unique: true), new(p => p.RequestKey, Unique: true)];
        var first = new MongoAggregateStore<Programme>(context, "programmes", indexes, new OutboxSignal());
        var second = new MongoAggregateStore<Programme>(NewContext(context.Database.DatabaseNamespace.DatabaseName), "programmes", indexes, new OutboxSignal());

        // Two instances starting at once: both backfill, then both create the indexes.
        await Task.WhenAll(
            new ProgrammeKeyBackfill(first, NullLogger<ProgrammeKeyBackfill>.Instance).StartAsync(default),
            new ProgrammeKeyBackfill(second, NullLogger<ProgrammeKeyBackfill>.Instance).StartAsync(default));
        await Task.WhenAll(first.InitializeAsync(default), second.InitializeAsync(default));

        var all = await first.ReadAllAsync(_ => true, new SortOrder<Programme>(p => p.SortKey), default);
        Assert.Equal(3, all.Count);
        Assert.All(all, p => Assert.NotEmpty(p.ApprovalSlot));
        Assert.Equal(3, all.Select(p => p.RequestKey).Distinct().Count());
    }

    [SkippableFact]
    public async Task Initialize_WhenAnEarlierReleaseMadeTheIndexWithOtherOptions_ReplacesIt()
    {
        var context = NewContext();
        var ledgers = context.Database.GetCollection<Ledger>("ledgers");
        await ledgers.Indexes.CreateOneAsync(new CreateIndexModel<Ledger>(Builders<Ledger>.IndexKeys.Ascending(l => l.Code)));
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal());

        await store.InitializeAsync(default);

        var index = (await (await ledgers.Indexes.ListAsync()).ToListAsync()).Single(i => i["name"] == "Code_1");
        Assert.True(index["unique"].ToBoolean());
        Assert.Equal(new BsonDocument("Code", new BsonDocument("$gt", "")), index["partialFilterExpression"]);
        var inboxTtl = (await (await context.Inbox.Indexes.ListAsync()).ToListAsync()).Single(i => i.Contains("expireAfterSeconds"));
        Assert.Equal(StorageSettings.DefaultInboxRetention.TotalSeconds, inboxTtl["expireAfterSeconds"].ToDouble());
    }

    [SkippableFact]
    public async Task Save_WhenTheCommitFailsTransiently_RetriesAndWritesOnce()
    {
        var context = NewContext();
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [], new OutboxSignal());
        await store.InitializeAsync(default);
        var admin = context.Client.GetDatabase("admin");
        try
        {
            await admin.RunCommandAsync<BsonDocument>(BsonDocument.Parse(
                "{ configureFailPoint : 'failCommand', mode : { times : 1 }, data : { failCommands : ['commitTransaction'], errorCode : 251, errorLabels : ['TransientTransactionError'] } }"));
        }
        catch (MongoCommandException ex)
        {
            Skip.If(true, $"The server refuses fail points (start mongod with --setParameter enableTestCommands=1): {ex.CodeName}");
        }
        var ledger = Ledger.Open("L-1", "TZA", 1m, new DateOnly(2008, 1, 1));

        Assert.True(await store.SaveAsync(ledger));

        Assert.Equal(1, (await store.FindAsync(ledger.Id))!.Version);
        Assert.Equal(1, await new MongoOutbox(context).CountAsync(default));
    }

    [SkippableFact]
    public async Task Initialize_WhenTheServerIsStandalone_RefusesToStartAndSaysWhy()
    {
        var standalone = Environment.GetEnvironmentVariable("MONGODB_STANDALONE_URI");
        Skip.If(string.IsNullOrEmpty(standalone) && !MongoServer.Required,
            "Needs MONGODB_STANDALONE_URI: a mongod started without --replSet (test.sh does not start one).");
        Assert.False(string.IsNullOrEmpty(standalone), "DECENTWORK_REQUIRE_MONGODB=1 needs MONGODB_STANDALONE_URI for this test.");
        var database = $"standalone-{Guid.NewGuid():N}";
        var store = new MongoAggregateStore<Ledger>(new MongoDatabaseContext(standalone!, database), "ledgers", [], new OutboxSignal());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(default));

        Assert.Contains("standalone", refused.Message);
        await new MongoClient(standalone).DropDatabaseAsync(database);
    }

    [SkippableFact]
    public async Task Relay_WhenTwoRelaysRunOverOneMongoStore_PublishesEachEventOnceInOrder()
    {
        var context = NewContext();
        var broker = await RabbitMqBroker.SharedAsync();
        var rabbitUri = await broker.CreateVirtualHostAsync("mongo-relays");
        var stops = new List<Func<Task>>();
        try
        {
            await using var events = await RelayedEvents.ListenAsync(rabbitUri, "mongo-two-relays");
            for (var i = 0; i < 2; i++)
            {
                var (bus, services) = await RelayedEvents.PublisherAsync(rabbitUri);
                var relay = new OutboxRelay(new MongoOutbox(NewContext(context.Database.DatabaseNamespace.DatabaseName)), new OutboxSignal(), bus,
                    NullLogger<OutboxRelay>.Instance);
                await relay.StartAsync(default);
                stops.Add(async () => { await relay.StopAsync(default); await bus.StopAsync(); await services.DisposeAsync(); });
            }
            var store = new MongoAggregateStore<Dispatch>(context, "dispatches", [], new OutboxSignal());
            await store.InitializeAsync(default);
            var written = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                var dispatch = Dispatch.Raise($"save-{i:D3}", 3);
                written.AddRange(dispatch.PendingEvents().Cast<ProgrammeRegistered>().Select(e => e.Title));
                await store.SaveAsync(dispatch);
            }

            await Eventually.Until(() => Task.FromResult(events.Received.Count), count => count >= written.Count, TimeSpan.FromSeconds(60), "every event");
            await Eventually.Until(() => new MongoOutbox(context).CountAsync(default), left => left == 0, TimeSpan.FromSeconds(30), "the outbox to empty");

            Assert.Equal(written, events.Received.Select(r => r.Title));
        }
        finally
        {
            foreach (var stop in stops) await stop();
            await broker.DeleteVirtualHostAsync(rabbitUri);
        }
    }
}
