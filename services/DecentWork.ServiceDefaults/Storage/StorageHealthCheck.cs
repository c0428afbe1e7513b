using DecentWork.ServiceDefaults.Storage.Embedded;
using DecentWork.ServiceDefaults.Storage.Mongo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>Healthy when the store answers a trivial command; also reports the outbox backlog.</summary>
internal sealed class StorageHealthCheck(IServiceProvider services, StorageSettings settings, IOutbox outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (settings.UsesMongo)
                await services.GetRequiredService<MongoDatabaseContext>().Database
                    .RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
            else
                _ = services.GetRequiredService<LiteDbDatabase>().Run(d => d.GetCollectionNames().Count());
            var backlog = await outbox.CountAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["adapter"] = settings.UsesMongo ? "mongo" : "embedded", ["outboxBacklog"] = backlog };
            return HealthCheckResult.Healthy($"{data["adapter"]} store reachable", data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("store unreachable", ex);
        }
    }
}
