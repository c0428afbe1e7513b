using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Mongo;
using DecentWork.Testing;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// The contract against a real MongoDB: MONGODB_URI when set, otherwise a Testcontainers
/// single-node replica set when Docker is available. Where neither exists every test is reported
/// as skipped with the reason (a failure with DECENTWORK_REQUIRE_MONGODB=1), so a run never claims
/// the MongoDB leg passed when it did not run. Each test's database is dropped afterwards.
/// </summary>
public sealed class MongoStoreContractTests : StoreContract, IAsyncLifetime
{
    private readonly List<MongoDatabaseContext> _contexts = [];
    private MongoServer _server = null!;

    public async Task InitializeAsync() => _server = await MongoServer.SharedAsync();

    protected override Task<(IAggregateStore<Ledger> Store, IOutbox Outbox)> NewStoreAsync() => OpenAsync($"contract-{Guid.NewGuid():N}");

    protected override Task<(IAggregateStore<Ledger> Store, IOutbox Outbox)> SecondInstanceAsync() =>
        OpenAsync(_contexts[^1].Database.DatabaseNamespace.DatabaseName);

    private async Task<(IAggregateStore<Ledger> Store, IOutbox Outbox)> OpenAsync(string database)
    {
        _server.SkipOrFailIfMissing();
        var context = new MongoDatabaseContext(_server.ConnectionString!, database);
        _contexts.Add(context);
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal());
        await store.InitializeAsync(default);
        return (store, new MongoOutbox(context));
    }

    public async Task DisposeAsync()
    {
        foreach (var name in _contexts.Select(c => c.Database.DatabaseNamespace.DatabaseName).Distinct())
            await _contexts[0].Client.DropDatabaseAsync(name);
    }
}
