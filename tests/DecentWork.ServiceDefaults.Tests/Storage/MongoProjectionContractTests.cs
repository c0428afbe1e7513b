using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Mongo;
using DecentWork.Testing;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// The projection contract against a real MongoDB (see <see cref="MongoServer"/>): skipped with the
/// reason where none can run, a failure with DECENTWORK_REQUIRE_MONGODB=1. Each test's database is dropped afterwards.
/// </summary>
public sealed class MongoProjectionContractTests : ProjectionContract, IAsyncLifetime
{
    private readonly List<MongoDatabaseContext> _contexts = [];
    private MongoServer _server = null!;

    public async Task InitializeAsync() => _server = await MongoServer.SharedAsync();

    protected override Task<ProjectedStore> NewAsync(params Projection<Ledger>[] projections)
    {
        _server.SkipOrFailIfMissing();
        var context = new MongoDatabaseContext(_server.ConnectionString!, $"projection-{Guid.NewGuid():N}");
        _contexts.Add(context);
        return Open(context, projections);
    }

    protected override Task<ProjectedStore> ReopenAsync(ProjectedStore existing, params Projection<Ledger>[] projections) =>
        Open((MongoDatabaseContext)existing.Database, projections);

    private static async Task<ProjectedStore> Open(MongoDatabaseContext context, Projection<Ledger>[] projections)
    {
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal(), projections);
        await store.InitializeAsync(default);
        return new ProjectedStore(store, new MongoProjectionReader(context), context);
    }

    public async Task DisposeAsync()
    {
        foreach (var name in _contexts.Select(c => c.Database.DatabaseNamespace.DatabaseName).Distinct())
            await _contexts[0].Client.DropDatabaseAsync(name);
    }
}
