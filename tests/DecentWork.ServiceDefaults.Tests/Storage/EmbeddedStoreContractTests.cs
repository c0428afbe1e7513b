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
        var store = new LiteDbAggregateStore<Ledger>(db, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal());
        store.InitializeAsync(default).GetAwaiter().GetResult();
        return Task.FromResult<(IAggregateStore<Ledger>, IOutbox)>((store, new LiteDbOutbox(db)));
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
