using DecentWork.ServiceDefaults.Storage.Embedded;
using DecentWork.ServiceDefaults.Storage.Mongo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>Which adapter a service runs on, read once from configuration.</summary>
public sealed record StorageSettings(string ServiceName, string? MongoConnectionString, string MongoDatabaseName, string DataFolder)
{
    public bool UsesMongo => !string.IsNullOrWhiteSpace(MongoConnectionString);
    public string LiteDbFile => Path.Combine(DataFolder, $"{ServiceName}.db");

    /// <summary>
    /// MONGODB_URI selects MongoDB (database Storage:MongoDatabase, default decentwork-{service});
    /// without it the embedded store keeps one file under Storage:DataFolder.
    /// </summary>
    public static StorageSettings From(IConfiguration configuration, string serviceName) => new(
        serviceName,
        configuration["MONGODB_URI"],
        configuration["Storage:MongoDatabase"] ?? $"decentwork-{serviceName}",
        configuration["Storage:DataFolder"] ?? "data");
}

public static class StorageRegistration
{
    public static StorageBuilder AddDecentWorkStorage(this IServiceCollection services, StorageSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<OutboxSignal>();
        if (settings.UsesMongo)
        {
            services.AddSingleton(_ => new MongoDatabaseContext(settings.MongoConnectionString!, settings.MongoDatabaseName));
            services.AddSingleton<IOutbox, MongoOutbox>();
            services.AddSingleton<IProjectionReader, MongoProjectionReader>();
        }
        else
        {
            services.AddSingleton(_ => new LiteDbDatabase(settings.LiteDbFile));
            services.AddSingleton<IOutbox, LiteDbOutbox>();
            services.AddSingleton<IProjectionReader, LiteDbProjectionReader>();
        }
        services.AddHostedService<StorageInitializer>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return new StorageBuilder(services, settings);
    }
}

public sealed class StorageBuilder(IServiceCollection services, StorageSettings settings)
{
    /// <summary>Registers the store for one aggregate type in its own collection.</summary>
    public StorageBuilder AddAggregate<T>(string collectionName, params StoreIndex<T>[] indexes) where T : Aggregate
    {
        if (settings.UsesMongo)
            services.AddSingleton<IAggregateStore<T>>(sp => new MongoAggregateStore<T>(
                sp.GetRequiredService<MongoDatabaseContext>(), collectionName, indexes, sp.GetRequiredService<OutboxSignal>(),
                [.. sp.GetServices<Projection<T>>()]));
        else
            services.AddSingleton<IAggregateStore<T>>(sp => new LiteDbAggregateStore<T>(
                sp.GetRequiredService<LiteDbDatabase>(), collectionName, indexes, sp.GetRequiredService<OutboxSignal>(),
                [.. sp.GetServices<Projection<T>>()]));
        services.AddSingleton(sp => (IStoreInitializer)sp.GetRequiredService<IAggregateStore<T>>());
        return this;
    }

    /// <summary>
    /// Keeps a projection of T's aggregates in the same transaction as every save of T (see
    /// <see cref="Projection{T}"/>); reports read it through <see cref="IProjectionReader"/>.
    /// </summary>
    public StorageBuilder AddProjection<T>(Projection<T> projection) where T : Aggregate
    {
        services.AddSingleton(projection);
        return this;
    }
}

/// <summary>Creates indexes before the host starts listening, so no request runs without them.</summary>
internal sealed class StorageInitializer(IEnumerable<IStoreInitializer> stores) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var store in stores) await store.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
