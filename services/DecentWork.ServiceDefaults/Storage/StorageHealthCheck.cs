using DecentWork.ServiceDefaults.Storage.Embedded;
using DecentWork.ServiceDefaults.Storage.Mongo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// Healthy when the store answers and can take writes (on MongoDB: a writable replica-set
/// primary, as <c>hello</c> reports); also reports the outbox backlog. Bounded by the registration's
/// timeout and the driver's server-selection timeout, so a lost server makes it unhealthy within
/// seconds instead of hanging.
/// </summary>
internal sealed class StorageHealthCheck(IServiceProvider services, StorageSettings settings, IOutbox outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(StorageRegistration.HealthCheckTimeout);
        try
        {
            if (settings.UsesMongo)
            {
                var problem = await MongoTopology.CheckAsync(services.GetRequiredService<MongoDatabaseContext>().Database, bounded.Token);
                if (problem is not null) return HealthCheckResult.Unhealthy(problem);
            }
            else
            {
                _ = services.GetRequiredService<LiteDbDatabase>().Run(d => d.GetCollectionNames().Count());
            }
            var backlog = await outbox.CountAsync(bounded.Token);
            var data = new Dictionary<string, object> { ["adapter"] = settings.UsesMongo ? "mongo" : "embedded", ["outboxBacklog"] = backlog };
            return HealthCheckResult.Healthy($"{data["adapter"]} store reachable", data);
        }
        catch (Exception ex)
        {
            // The exception goes to the log through the health check publisher, never to the answer.
            return HealthCheckResult.Unhealthy(ex is OperationCanceledException or StoreUnavailableException or TimeoutException
                ? "store did not answer in time" : "store unreachable", ex);
        }
    }
}
