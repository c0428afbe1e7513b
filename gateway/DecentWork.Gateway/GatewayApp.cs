using DecentWork.ServiceDefaults.Hosting;

namespace DecentWork.Gateway;

/// <summary>
/// The one entry point: YARP routes gRPC calls (by service path) and JSON calls (by REST prefix)
/// to the four services, all from the "ReverseProxy" configuration section. Partners' gRPC goes to
/// the HTTP/2-only listener, the portal's JSON to the HTTP/1.1 one; clusters speak HTTP/2 to the
/// services either way, where JSON transcoding runs.
/// </summary>
public static class GatewayApp
{
    public const string ServiceName = "gateway";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(ServiceHost.ConfigureListeners);
        builder.AddDecentWorkTelemetry(ServiceName);
        var proxyConfig = builder.Configuration.GetSection("ReverseProxy");
        builder.Services.AddReverseProxy().LoadFromConfig(proxyConfig);
        var health = builder.Services.AddHealthChecks();
        foreach (var cluster in proxyConfig.GetSection("Clusters").GetChildren())
        {
            var address = cluster["Destinations:primary:Address"];
            if (address is not null)
                health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                    cluster.Key, _ => new ServiceHealthCheck(new Uri(address)), failureStatus: null, tags: ["services"]));
        }

        var app = builder.Build();
        app.MapDecentWorkHealth();
        app.MapReverseProxy();
        return app;
    }
}
