using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>The contract against LiteDB: always runs.</summary>
public sealed class EmbeddedStoreContractTests : StoreContract, IDisposable
{
    private readonly List<LiteDbDatabase> _databases = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"store-{Guid.NewGuid():N}");

    protected override Task<(IAggregateStore<Ledger> Store, IOutbox Outbox)> NewStoreAsync()
    {
        var db = new LiteDbDatabase(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));
        _databases.Add(db);
        return SecondInstanceAsync();
    }

    // LiteDB allows one process per file, so a "second instance" is a second store and outbox over the same database.
    protected override Task<(IAggregateStore<Ledger> Store, IOutbox Outbox)> SecondInstanceAsync()
    {
        var db = _databases[^1];
        var store = new LiteDbAggregateStore<Ledger>(db, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal());
        store.InitializeAsync(default).GetAwaiter().GetResult();
        return Task.FromResult<(IAggregateStore<Ledger>, IOutbox)>((store, new LiteDbOutbox(db)));
    }

    [Fact]
    public async Task Save_WhenMessagesOfAnEarlierReleaseAreQueued_NumbersNewOnesAfterThem()
    {
        var (store, outbox) = await NewStoreAsync();
        var earlier = new OutboxMessage { Id = Guid.NewGuid(), MessageType = typeof(LedgerOpened).FullName!, Sequence = DateTime.UtcNow.Ticks, Payload = "{}" };
        _databases[^1].Run(d => d.GetCollection<OutboxMessage>(LiteDbDatabase.OutboxCollection).Insert(earlier));

        await store.SaveAsync(Ledger.Open("NEW", "TZA", 1m, new DateOnly(2008, 1, 1)));

        var queued = await outbox.PeekAsync(10, default);
        Assert.Equal(earlier.Id, queued[0].Id);
        Assert.True(queued[1].Sequence > earlier.Sequence);
    }

    [Fact]
    public async Task PruneInbox_WhenEntriesAreOlderThanTheCutoff_DeletesOnlyThose()
    {
        await NewStoreAsync();
        var db = _databases[^1];
        db.Run(d => d.GetCollection(LiteDbDatabase.InboxCollection).InsertBulk(
        [
            new LiteDB.BsonDocument { ["_id"] = "old", [LiteDbDatabase.InboxRecordedAtField] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            new LiteDB.BsonDocument { ["_id"] = "new", [LiteDbDatabase.InboxRecordedAtField] = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc) },
        ]));

        var pruned = db.PruneInbox(new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(1, pruned);
        Assert.Equal(["new"], db.Run(d => d.GetCollection(LiteDbDatabase.InboxCollection).FindAll().Select(e => e["_id"].AsString).ToList()));
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
