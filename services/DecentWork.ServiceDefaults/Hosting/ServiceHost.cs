using DecentWork.ServiceDefaults.Grpc;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DecentWork.ServiceDefaults.Hosting;

/// <summary>
/// What every service shares: gRPC with JSON transcoding and one error mapping, health (gRPC
/// health protocol and GET /health), telemetry, request limits, reflection in Development only.
/// Listeners come from Kestrel:Endpoints in appsettings: "Grpc" (HTTP/2) and "Http" (HTTP/1.1).
/// </summary>
public static class ServiceHost
{
    public const int MaxMessageBytes = 1024 * 1024;

    public static WebApplicationBuilder CreateBuilder(string[] args, string serviceName)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxMessageBytes);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
        }).AddJsonTranscoding(json =>
            // Errors carry a google.rpc.BadRequest detail; JSON needs its type to write it.
            json.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor));
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddSingleton<TimeProvider, MillisecondClock>();
        if (builder.Environment.IsDevelopment()) builder.Services.AddGrpcReflection();
        builder.AddDecentWorkTelemetry(serviceName);
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapDecentWorkHealth();
        if (app.Environment.IsDevelopment()) app.MapGrpcReflectionService();
        return app;
    }
}
