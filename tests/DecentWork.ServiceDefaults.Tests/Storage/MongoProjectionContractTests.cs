using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Mongo;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>The projection contract against a real MongoDB; skipped with the reason where none can run (see <see cref="MongoServerFixture"/>).</summary>
public sealed class MongoProjectionContractTests(MongoServerFixture server) : ProjectionContract, IClassFixture<MongoServerFixture>
{
    protected override Task<ProjectedStore> NewAsync(params Projection<Ledger>[] projections)
    {
        Skip.If(server.ConnectionString is null, server.Unavailable);
        return Open(new MongoDatabaseContext(server.ConnectionString!, $"projection-{Guid.NewGuid():N}"), projections);
    }

    protected override Task<ProjectedStore> ReopenAsync(ProjectedStore existing, params Projection<Ledger>[] projections) =>
        Open((MongoDatabaseContext)existing.Database, projections);

    private static async Task<ProjectedStore> Open(MongoDatabaseContext context, Projection<Ledger>[] projections)
    {
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal(), projections);
        await store.InitializeAsync(default);
        return new ProjectedStore(store, new MongoProjectionReader(context), context);
    }
}
