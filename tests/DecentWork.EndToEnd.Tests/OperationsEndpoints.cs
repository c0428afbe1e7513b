using DecentWork.ServiceDefaults.Hosting;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The endpoints open to anonymous callers for operations, on every service and the gateway:
/// readiness, liveness and (on the internal listener only) Prometheus metrics. The access tests
/// allow these and the named open-data and documentation exceptions, nothing else.
/// </summary>
internal static class OperationsEndpoints
{
    private static readonly HashSet<string> Paths = ["/health", HealthEndpoint.LivenessPath, Telemetry.MetricsPath];

    public static bool Contains(string path) => Paths.Contains(path);
}
