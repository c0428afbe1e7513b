using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DecentWork.Gateway;

/// <summary>
/// Asks one service's instances over the gRPC health checking protocol, which covers their storage
/// and broker. The service is healthy while any instance serves: the proxy's own active health
/// checks keep calls away from the ones that do not.
/// </summary>
public sealed class ServiceHealthCheck(IReadOnlyList<Uri> addresses) : IHealthCheck, IDisposable
{
    private readonly GrpcChannel[] _channels = addresses.Select(address => GrpcChannel.ForAddress(address)).ToArray();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // GET /health is anonymous: it says which service is down, never where the services live.
        var data = new Dictionary<string, object>();
        var answers = await Task.WhenAll(_channels.Select(channel => AskAsync(channel, cancellationToken)));
        data["instancesServing"] = answers.Count(a => a.Serving);
        data["instances"] = answers.Length;
        if (answers.Any(a => a.Serving)) return HealthCheckResult.Healthy("serving", data);
        // The health check service logs the exception; the answer shows only the description.
        var first = answers[0];
        return HealthCheckResult.Unhealthy(first.Status, first.Error, data);
    }

    private static async Task<(bool Serving, string Status, Exception? Error)> AskAsync(GrpcChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
            var serving = reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            return (serving, serving ? "serving" : reply.Status.ToString(), null);
        }
        catch (Exception ex)
        {
            return (false, "unreachable", ex);
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
    }
}
