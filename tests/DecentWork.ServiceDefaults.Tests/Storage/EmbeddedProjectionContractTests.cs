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

    [Fact]
    public async Task InsertBatch_LeavesTheBucketsThatSavingOneByOneLeaves()
    {
        // Balances that cancel out in one country (its balance figure disappears, its count stays).
        Ledger[] Ledgers() =>
        [
            Ledger.Open("L-A", "TZA", 5m, new DateOnly(2010, 1, 1)), Ledger.Open("L-B", "TZA", -5m, new DateOnly(2010, 1, 1)),
            Ledger.Open("L-C", "PAK", 0.000000001m, new DateOnly(2010, 1, 1)), Ledger.Open("L-D", "VNM", 12.5m, new DateOnly(2010, 1, 1)),
        ];
        var oneByOne = await NewAsync(new LedgersByCountry());
        foreach (var ledger in Ledgers()) await oneByOne.Store.SaveAsync(ledger);
        var batched = await NewAsync(new LedgersByCountry());

        ((LiteDbAggregateStore<Ledger>)batched.Store).InsertBatch(Ledgers());

        static async Task<List<string>> Buckets(ProjectedStore store) =>
            [.. (await store.Reader.ReadAsync(LedgersByCountry.ProjectionName, BucketRange.Prefix("")))
                .Select(b => $"{b.Key}: {string.Join(", ", b.Figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))}")];
        var expected = await Buckets(oneByOne);
        Assert.Equal(expected, await Buckets(batched));
        Assert.Contains("country|TZA: count=2", expected);
    }

    [Fact]
    public async Task InsertBatch_WhenOneKeyIsTaken_LeavesNeitherDocumentsNorBuckets()
    {
        var store = await NewAsync(new LedgersByCountry());
        await store.Store.SaveAsync(Ledger.Open("L-TAKEN", "TZA", 1m, new DateOnly(2010, 1, 1)));
        var batch = new[] { Ledger.Open("L-NEW", "PAK", 2m, new DateOnly(2010, 1, 1)), Ledger.Open("L-TAKEN", "VNM", 3m, new DateOnly(2010, 1, 1)) };

        Assert.Throws<DuplicateKeyException>(() => ((LiteDbAggregateStore<Ledger>)store.Store).InsertBatch(batch));

        Assert.Null(await store.Store.FindAsync(batch[0].Id));
        var buckets = await store.Reader.ReadAsync(LedgersByCountry.ProjectionName, BucketRange.Prefix(""));
        Assert.Equal(["country|*: 1", "country|TZA: 1"], buckets.Select(b => $"{b.Key}: {b.Count}"));
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
