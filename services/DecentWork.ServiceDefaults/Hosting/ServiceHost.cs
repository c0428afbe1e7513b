using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
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
        builder.WebHost.ConfigureKestrel(ConfigureListeners);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
        }).AddJsonTranscoding(json =>
        {
            // Errors carry a google.rpc.BadRequest detail; JSON needs its type to write it.
            json.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor);
            // The proto3 JSON mapping: 64-bit integers (versions, money units) as strings, so a
            // JavaScript client does not round them past 2^53. Numbers are still accepted on input.
            json.JsonSettings.WriteInt64sAsStrings = true;
        });
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddSingleton<TimeProvider, MillisecondClock>();
        if (builder.Environment.IsDevelopment()) builder.Services.AddGrpcReflection();
        builder.AddDecentWorkTelemetry(serviceName);
        // Every RPC is authorised here again, so reaching a service port past the gateway gains nothing.
        builder.Services.AddDecentWorkAuth(builder.Configuration, [IdentitySettings.AudienceOf(serviceName)]);
        builder.Services.AddSafeResponseHeaders();
        return builder;
    }

    /// <summary>
    /// The "Grpc" listener speaks only HTTP/2 (cleartext gRPC needs prior knowledge; a mixed
    /// listener would serve HTTP/1.1 only) and the "Http" one only HTTP/1.1. Addresses come from
    /// configuration; the protocols are fixed here because no deployment may change them.
    /// </summary>
    public static void ConfigureListeners(WebHostBuilderContext context, KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestBodySize = MaxMessageBytes;
        kestrel.AddServerHeader = false;
        kestrel.Configure(context.Configuration.GetSection("Kestrel"))
            .Endpoint("Grpc", endpoint => endpoint.ListenOptions.Protocols = HttpProtocols.Http2)
            .Endpoint("Http", endpoint => endpoint.ListenOptions.Protocols = HttpProtocols.Http1);
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        // Health is the one thing open to anonymous callers (operations, orchestrators, the gateway).
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapDecentWorkHealth().AllowAnonymous();
        if (app.Environment.IsDevelopment())
            app.MapGrpcReflectionService().RequireAuthorization(p => p.RequireAuthenticatedUser());
        return app;
    }
}
