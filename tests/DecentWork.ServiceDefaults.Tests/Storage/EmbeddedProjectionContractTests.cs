using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>The projection contract against LiteDB: always runs.</summary>
public sealed class EmbeddedProjectionContractTests : ProjectionContract, IDisposable
{
    private readonly List<LiteDbDatabase> _databases = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"projection-{Guid.NewGuid():N}");

    protected override Task<ProjectedStore> NewAsync(params Projection<Ledger>[] projections)
    {
        var db = new LiteDbDatabase(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));
        _databases.Add(db);
        return Open(db, projections);
    }

    protected override Task<ProjectedStore> ReopenAsync(ProjectedStore existing, params Projection<Ledger>[] projections) =>
        Open((LiteDbDatabase)existing.Database, projections);

    private static async Task<ProjectedStore> Open(LiteDbDatabase db, Projection<Ledger>[] projections)
    {
        var store = new LiteDbAggregateStore<Ledger>(db, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal(), projections);
        await store.InitializeAsync(default);
        return new ProjectedStore(store, new LiteDbProjectionReader(db), db);
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
