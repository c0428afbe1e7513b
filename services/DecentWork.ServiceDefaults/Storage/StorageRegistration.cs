using DecentWork.ServiceDefaults.Storage.Embedded;
using DecentWork.ServiceDefaults.Storage.Mongo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>Which adapter a service runs on, read once from configuration.</summary>
public sealed record StorageSettings(string ServiceName, string? MongoConnectionString, string MongoDatabaseName, string DataFolder)
{
    /// <summary>
    /// How long the inbox remembers a processed message. It must outlast every way the broker can
    /// deliver a message again: in-process retries (seconds), delayed redelivery (21 minutes in
    /// all), and a message left in a queue while its consumer was down. A week covers an outage
    /// over a long weekend.
    /// </summary>
    public static readonly TimeSpan DefaultInboxRetention = TimeSpan.FromDays(7);

    public bool UsesMongo => !string.IsNullOrWhiteSpace(MongoConnectionString);
    public string LiteDbFile => Path.Combine(DataFolder, $"{ServiceName}.db");
    public TimeSpan InboxRetention { get; init; } = DefaultInboxRetention;

    /// <summary>
    /// MONGODB_URI selects MongoDB (database Storage:MongoDatabase, default decentwork-{service});
    /// without it the embedded store keeps one file under Storage:DataFolder.
    /// Storage:InboxRetentionHours overrides the inbox retention.
    /// </summary>
    public static StorageSettings From(IConfiguration configuration, string serviceName) => new(
        serviceName,
        configuration["MONGODB_URI"],
        configuration["Storage:MongoDatabase"] ?? $"decentwork-{serviceName}",
        configuration["Storage:DataFolder"] ?? "data")
    {
        InboxRetention = configuration.GetValue<double?>("Storage:InboxRetentionHours") is { } hours && hours > 0
            ? TimeSpan.FromHours(hours)
            : DefaultInboxRetention,
    };
}

public static class StorageRegistration
{
    /// <summary>A health check gives up after this, so /health answers even when the store does not.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(4);

    public static StorageBuilder AddDecentWorkStorage(this IServiceCollection services, StorageSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<OutboxSignal>();
        if (settings.UsesMongo)
        {
            services.AddSingleton(_ => new MongoDatabaseContext(settings.MongoConnectionString!, settings.MongoDatabaseName, settings.InboxRetention));
            services.AddSingleton<IOutbox, MongoOutbox>();
            services.AddSingleton<IProjectionReader, MongoProjectionReader>();
        }
        else
        {
            services.AddSingleton(_ => new LiteDbDatabase(settings.LiteDbFile));
            services.AddSingleton<IOutbox, LiteDbOutbox>();
            services.AddHostedService<InboxPruner>();
            services.AddSingleton<IProjectionReader, LiteDbProjectionReader>();
        }
        services.AddHostedService<StorageInitializer>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"], timeout: HealthCheckTimeout);
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

/// <summary>
/// Checks the store and creates indexes before the host starts listening, so no request runs
/// without them; on MongoDB it refuses a server that cannot run transactions (see MongoTopology).
/// </summary>
internal sealed class StorageInitializer(IEnumerable<IStoreInitializer> stores) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var store in stores) await store.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
