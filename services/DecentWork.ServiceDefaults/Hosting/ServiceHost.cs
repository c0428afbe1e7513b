using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Messaging.Operations;
using DecentWork.ServiceDefaults.Security;
using Google.Protobuf.Reflection;
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
    public const int MaxMessageBytes = BodyLimits.MaxMessageBytes;

    public static WebApplicationBuilder CreateBuilder(string[] args, string serviceName)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(ConfigureListeners);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.Interceptors.Add<ChangeActorInterceptor>();
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
        }).AddJsonTranscoding(json =>
        {
            // Errors carry google.rpc.BadRequest, ErrorInfo and RetryInfo details; JSON needs their types to write them.
            json.TypeRegistry = TypeRegistry.FromMessages(ErrorDetails.Descriptors);
            // The proto3 JSON mapping: 64-bit integers (versions, money units) as strings, so a
            // JavaScript client does not round them past 2^53. Numbers are still accepted on input.
            json.JsonSettings.WriteInt64sAsStrings = true;
        });
        builder.Services.AddSingleton(ErrorDomain.Of(serviceName));
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddSingleton<TimeProvider, MillisecondClock>();
        if (builder.Environment.IsDevelopment()) builder.Services.AddGrpcReflection();
        builder.AddDecentWorkTelemetry(serviceName);
        // Every RPC is authorised here again, so reaching a service port past the gateway gains nothing.
        builder.Services.AddDecentWorkAuth(builder.Configuration, [IdentitySettings.AudienceOf(serviceName)]);
        builder.Services.AddSafeResponseHeaders();
        PageTokens.Configure(builder.Configuration);
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
        // After routing and authorisation (which WebApplication puts first), before any RPC runs:
        // a body for 404/405/413, and requests that are not their RPC's message refused as the caller's mistake.
        app.UseStatusCodeAnswers();
        app.UseMiddleware<GrpcRequestCheck>();
        app.UseMiddleware<JsonRequestCheck>();
        // Health is the one thing open to anonymous callers (operations, orchestrators, the gateway).
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapDecentWorkHealth().AllowAnonymous();
        // The "Http" listener is internal (health, probes); the gateway routes only to "Grpc".
        app.MapDecentWorkMetrics("Http");
        app.MapDecentWorkOperations();
        if (app.Environment.IsDevelopment())
            app.MapGrpcReflectionService().RequireAuthorization(p => p.RequireAuthenticatedUser());
        return app;
    }
}
