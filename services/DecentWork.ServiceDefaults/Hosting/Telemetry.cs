using DecentWork.ServiceDefaults.Messaging;
using DecentWork.ServiceDefaults.Messaging.Operations;
using DecentWork.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DecentWork.ServiceDefaults.Hosting;

public static class Telemetry
{
    /// <summary>Every activity source the platform emits; tests listen to the same list.</summary>
    public static readonly string[] Sources = ["MassTransit", StorageTelemetry.SourceName, OutboxRelay.ActivitySourceName];

    /// <summary>Where Prometheus scrapes: on the listener named by <see cref="MapDecentWorkMetrics"/> only.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Traces and metrics for ASP.NET Core, gRPC and HTTP clients, MassTransit and storage calls.
    /// Pushed over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set, so a local run costs nothing;
    /// metrics can always be pulled in Prometheus text from <see cref="MetricsPath"/>.
    /// </summary>
    public static WebApplicationBuilder AddDecentWorkTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceNamespace: "decentwork"))
            .WithTracing(tracing => tracing
                // Probes and scrapes every few seconds would drown the traces that matter.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperationsPath(http.Request.Path))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(Sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", MessagingCounters.MeterName, ConflictRetry.MeterName)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// GET /metrics (Prometheus text), anonymous like health, answered only on the port of the
    /// Kestrel endpoint <paramref name="listener"/> and 404 on every other: the services scrape on
    /// their internal "Http" listener, the gateway on its "Management" one, so the public JSON
    /// listener never serves it. Nothing is mapped when that endpoint is not configured.
    /// </summary>
    public static IEndpointConventionBuilder? MapDecentWorkMetrics(this WebApplication app, string listener)
    {
        var port = ListenerPort(app.Configuration, listener);
        if (port is null) return null;
        // The port is the connection's local one, not the Host header, which a caller controls.
        return app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch =>
            branch.Use((context, next) =>
            {
                if (context.Connection.LocalPort == port) return next(context);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }), optionsName: null).AllowAnonymous();
    }

    /// <summary>The port of Kestrel:Endpoints:&lt;name&gt;:Url ("http://0.0.0.0:5181", "http://+:5181").</summary>
    public static int? ListenerPort(IConfiguration configuration, string listener)
    {
        var url = configuration[$"Kestrel:Endpoints:{listener}:Url"];
        var colon = url?.LastIndexOf(':') ?? -1;
        return colon >= 0 && int.TryParse(url![(colon + 1)..].TrimEnd('/'), out var port) ? port : null;
    }

    private static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(HealthEndpoint.LivenessPath) || path.StartsWithSegments(MetricsPath);
}
