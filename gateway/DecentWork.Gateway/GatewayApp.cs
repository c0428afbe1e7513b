using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Gateway.Csv;
using DecentWork.Gateway.OpenApi;
using DecentWork.ServiceDefaults.Hosting;
using DecentWork.ServiceDefaults.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DecentWork.Gateway;

/// <summary>
/// The one entry point: YARP routes gRPC calls (by service path) and JSON calls (by REST prefix)
/// to the four services, all from the "ReverseProxy" configuration section. Partners' gRPC goes to
/// the HTTP/2-only listener, the portal's JSON to the HTTP/1.1 one; clusters speak HTTP/2 to the
/// services either way, where JSON transcoding runs. Each cluster balances over its destinations
/// and probes each one (see <see cref="ServiceDestinations"/>).
/// </summary>
public static class GatewayApp
{
    public const string ServiceName = "gateway";

    /// <summary>The routes' policy (in appsettings): a valid token, any role; the services authorise each RPC.</summary>
    public const string CallerPolicy = "caller";

    /// <summary>The listener for operations (/metrics), never published: the Http one serves the public JSON.</summary>
    public const string ManagementListener = "Management";

    /// <summary>
    /// The one deliberate exception: the IATI publication is open data, so its route ("open-data-iati",
    /// GET /v1/iati/*) needs no token. AccessTests fail if any other route names this policy.
    /// </summary>
    public const string OpenDataPolicy = "open-data";

    /// <summary>The portal's origin, the only one browsers may call the JSON API from (configuration "Cors:PortalOrigin").</summary>
    public const string DefaultPortalOrigin = "http://127.0.0.1:5090";

    /// <summary>The cluster and route (lowest priority, no token: it signs users in) that serve the portal at "/".</summary>
    public const string PortalCluster = "portal";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(ServiceHost.ConfigureListeners);
        builder.AddDecentWorkTelemetry(ServiceName);
        // A token for any of the four APIs passes the gateway; each service then checks its own audience and policy.
        builder.Services.AddDecentWorkAuth(builder.Configuration,
            new[] { "programming", "coordination", "partnerships", "training" }.Select(IdentitySettings.AudienceOf).ToArray());
        builder.Services.AddAuthorizationBuilder().AddPolicy(CallerPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(OpenDataPolicy, p => p.RequireAssertion(_ => true));
        builder.Services.AddSafeResponseHeaders();
        builder.Services.AddSingleton(ErrorDomain.Of(ServiceName));

        var portalOrigin = builder.Configuration["Cors:PortalOrigin"] is { Length: > 0 } configured ? configured : DefaultPortalOrigin;
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(portalOrigin).AllowAnyHeader().AllowAnyMethod()));
        builder.Services.AddSingleton(RateLimitSettings.From(builder.Configuration));
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, ClientRateLimits>(ClientRateLimits.PolicyName));
        builder.Services.AddCsvDownloads();
        var proxyConfig = builder.Configuration.GetSection("ReverseProxy");
        ServiceDestinations.AddProxy(builder.Services, proxyConfig, builder.Configuration);
        var health = builder.Services.AddHealthChecks();
        // The portal is a web app behind the gateway, not an API: its absence does not make the API unhealthy.
        foreach (var cluster in proxyConfig.GetSection("Clusters").GetChildren().Where(c => c.Key != PortalCluster))
        {
            var addresses = ServiceDestinations.Addresses(cluster);
            if (addresses.Count > 0)
                health.Add(new HealthCheckRegistration(
                    cluster.Key, _ => new ServiceHealthCheck(addresses), failureStatus: null, tags: ["services"]));
        }

        var app = builder.Build();
        // Authentication first, so the limiter knows the client; anonymous floods are limited by address.
        // CORS first: a browser's preflight carries no token and must be answered before the token check.
        app.UseCors();
        app.UseCsvDownloads();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // No route (404), a verb the route lacks (405), a body over the limit (413), a service
        // that did not answer (502-504): the RPC error shape, not an empty body.
        app.UseStatusCodeAnswers();
        app.UseMiddleware<GrpcSizeCheck>();
        app.MapDecentWorkHealth().AllowAnonymous();
        app.MapDecentWorkMetrics(ManagementListener);
        app.MapApiDocumentation();
        app.MapReverseProxy();
        return app;
    }
}
