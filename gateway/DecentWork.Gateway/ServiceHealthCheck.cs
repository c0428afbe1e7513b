using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DecentWork.Gateway;

/// <summary>Asks one service over the gRPC health checking protocol, which covers its storage and broker.</summary>
public sealed class ServiceHealthCheck(Uri address) : IHealthCheck, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(address);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // GET /health is anonymous: it says which service is down, never where the services live.
        var data = new Dictionary<string, object>();
        try
        {
            var reply = await new Health.HealthClient(_channel).CheckAsync(
                new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? HealthCheckResult.Healthy("serving", data)
                : HealthCheckResult.Unhealthy(reply.Status.ToString(), data: data);
        }
        catch (Exception ex)
        {
            // The health check service logs the exception; the answer shows only the description.
            return HealthCheckResult.Unhealthy("unreachable", ex, data);
        }
    }

    public void Dispose() => _channel.Dispose();
}
