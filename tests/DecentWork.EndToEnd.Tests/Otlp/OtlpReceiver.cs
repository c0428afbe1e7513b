using System.Collections.Concurrent;
using System.Net;
using DecentWork.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace DecentWork.EndToEnd.Tests.Otlp;

/// <summary>
/// An OTLP/HTTP (protobuf) endpoint on a loopback socket, standing where the trace viewer's OTLP
/// port is in a real run (the Aspire Dashboard's 18890, a collector's 4318): it keeps every span
/// posted to /v1/traces and counts the posts to /v1/metrics and /v1/logs.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentDictionary<string, int> _posts = new();

    private OtlpReceiver(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        // An empty content root: the test output folder holds the services' appsettings.json.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.CreateTempSubdirectory("otlp-receiver").FullName,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.MapPost("/v1/traces", ReceiveTracesAsync);
        _app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            _posts.AddOrUpdate(signal, 1, (_, n) => n + 1);
            return Results.Bytes([], "application/x-protobuf");
        });
    }

    /// <summary>The base URL an exporter is given (OTEL_EXPORTER_OTLP_ENDPOINT); it appends /v1/&lt;signal&gt;.</summary>
    public Uri Endpoint { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver(FreePort.Next());
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>Every span received so far in the trace <paramref name="traceId"/> (hex).</summary>
    public IReadOnlyList<ReceivedSpan> InTrace(string traceId) => _spans.Where(s => s.TraceId == traceId).ToList();

    /// <summary>How many export requests of <paramref name="signal"/> (traces, metrics, logs) arrived.</summary>
    public int Posts(string signal) => _posts.GetValueOrDefault(signal);

    private async Task<IResult> ReceiveTracesAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray());
        foreach (var resource in export.ResourceSpans)
        foreach (var scope in resource.ScopeSpans)
        foreach (var span in scope.Spans)
            _spans.Enqueue(new ReceivedSpan(Convert.ToHexStringLower(span.TraceId.Span), scope.Scope?.Name ?? "", span.Name, span.Kind,
                span.Attributes.DistinctBy(a => a.Key).ToDictionary(a => a.Key, ValueOf)));
        _posts.AddOrUpdate("traces", 1, (_, n) => n + 1);
        // An empty ExportTraceServiceResponse (zero bytes): everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    private static object ValueOf(KeyValue attribute) =>
        attribute.Value?.StringValue is { Length: > 0 } text ? text : attribute.Value?.IntValue ?? 0L;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One span as it arrived over OTLP.</summary>
public sealed record ReceivedSpan(string TraceId, string Scope, string Name, SpanKind Kind, IReadOnlyDictionary<string, object> Attributes)
{
    public long? IntAttribute(string key) => Attributes.TryGetValue(key, out var value) && value is long number ? number : null;
}
