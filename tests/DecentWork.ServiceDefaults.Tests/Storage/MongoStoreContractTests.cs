using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Mongo;
using DotNet.Testcontainers.Configurations;
using Testcontainers.MongoDb;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// The contract against a real MongoDB: MONGODB_URI when set, otherwise a Testcontainers
/// single-node replica set when Docker is available. Where neither exists every test is reported
/// as skipped with the reason, so a run never claims the MongoDB leg passed when it did not run.
/// </summary>
public sealed class MongoStoreContractTests(MongoServerFixture server) : StoreContract, IClassFixture<MongoServerFixture>
{
    protected override async Task<(IAggregateStore<Ledger> Store, IOutbox Outbox)> NewStoreAsync()
    {
        Skip.If(server.ConnectionString is null, server.Unavailable);
        var context = new MongoDatabaseContext(server.ConnectionString!, $"contract-{Guid.NewGuid():N}");
        var store = new MongoAggregateStore<Ledger>(context, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal());
        await store.InitializeAsync(default);
        return (store, new MongoOutbox(context));
    }
}

public sealed class MongoServerFixture : IAsyncLifetime
{
    private MongoDbContainer? _container;

    public string? ConnectionString { get; private set; }
    public string Unavailable { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("MONGODB_URI");
        if (!string.IsNullOrEmpty(ConnectionString)) return;
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            ConnectionString = null;
            Unavailable = "MongoDB leg did not run: MONGODB_URI is not set and no Docker engine is available for Testcontainers.";
            return;
        }
        _container = new MongoDbBuilder("mongo:8.0").WithReplicaSet().Build();
        await _container.StartAsync();
        ConnectionString = _container.GetConnectionString();
    }

    public async Task DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }
}
