using DecentWork.ServiceDefaults.Messaging;
using DecentWork.ServiceDefaults.Messaging.Operations;
using DecentWork.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
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

    /// <summary>
    /// Traces and metrics for ASP.NET Core, gRPC and HTTP clients, MassTransit and storage calls.
    /// Exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set, so a local run costs nothing.
    /// </summary>
    public static WebApplicationBuilder AddDecentWorkTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceNamespace: "decentwork"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(Sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", MessagingCounters.MeterName));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }
}
