using System.Text.RegularExpressions;
using DecentWork.EndToEnd.Tests.Otlp;
using DecentWork.ServiceDefaults.Hosting;
using DecentWork.Testing;

namespace DecentWork.EndToEnd.Tests;

/// <summary>A platform whose every host exports over OTLP/HTTP to one receiver, as the run command wires them to the trace viewer.</summary>
public sealed class OtlpPlatformFixture : IAsyncLifetime
{
    public OtlpReceiver Receiver { get; private set; } = null!;
    public Platform Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        Platform = await Platform.StartAsync(await RabbitMqBroker.SharedAsync(), new PlatformOptions
        {
            EveryHost = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Endpoint.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                // Export often, so the test waits on the data, not on the default 5 s and 60 s timers.
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            },
        });
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>Operations see the platform from outside the process: traces and metrics over OTLP, metrics scraped in Prometheus text.</summary>
public partial class OtlpExportTests(OtlpPlatformFixture fixture) : IClassFixture<OtlpPlatformFixture>, IDisposable
{
    // Makes the caller's root activity recorded, so the call carries its trace id.
    private readonly TraceCollector _traces = new();

    [Fact]
    public async Task RegisterProgramme_WhenExportingOverOtlp_OneTraceArrivesFromGatewayServiceBrokerAndConsumers()
    {
        var platform = fixture.Platform;
        var traceId = (await TracedCalls.RegisterProgrammeAsync(platform, "NPL", "DWCP Nepal (exported trace)")).ToHexString();

        var spans = await Eventually.Until(() => Task.FromResult(fixture.Receiver.InTrace(traceId)),
            s => ConsumedBy(s, "Coordination") && ConsumedBy(s, "Training"),
            what: "the consume spans of coordination and training at the OTLP endpoint");

        Assert.Contains(spans, s => s.Kind == SpanKind.Server && s.IntAttribute("server.port") == platform.Gateway.GrpcAddress.Port);
        Assert.Contains(spans, s => s.Kind == SpanKind.Server && s.IntAttribute("server.port") == platform.Programming.GrpcAddress.Port);
        Assert.Contains(spans, s => s.Scope == "DecentWork.Storage" && s.Name == "save programmes");
        Assert.Contains(spans, s => s.Scope == "MassTransit" && s.Kind == SpanKind.Producer);
    }

    [Fact]
    public async Task Metrics_WhenExportingOverOtlp_ArriveAtTheEndpoint()
    {
        var posts = await Eventually.Until(() => Task.FromResult(fixture.Receiver.Posts("metrics")), n => n > 0,
            what: "an OTLP metrics export");

        Assert.True(posts > 0);
    }

    [Fact]
    public async Task GetMetrics_OnEachServiceAndTheGatewayManagementListener_AnswersPrometheusText()
    {
        var platform = fixture.Platform;
        var listeners = new[] { platform.Programming, platform.Partnerships, platform.Coordination, platform.Training }
            .Select(service => new Uri(service.HttpAddress, Telemetry.MetricsPath))
            .Append(new Uri(platform.GatewayManagement, Telemetry.MetricsPath));
        using var http = new HttpClient();

        foreach (var url in listeners)
        {
            // The readiness polls of start-up already went through ASP.NET Core, so its request metric exists.
            var text = await Eventually.Until(() => http.GetStringAsync(url), t => t.Contains("http_server_request_duration_seconds"),
                what: $"ASP.NET Core request metrics on {url}");
            using var response = await http.GetAsync(url);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("# TYPE ", text);
            var samples = text.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
            Assert.NotEmpty(samples);
            Assert.All(samples, line => Assert.Matches(PrometheusSample(), line));
        }
    }

    [Fact]
    public async Task GetMetrics_OnTheGatewayPublicListener_IsNotFound()
    {
        using var response = await fixture.Platform.Gateway.AnonymousHttp.GetAsync(Telemetry.MetricsPath);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static bool ConsumedBy(IEnumerable<ReceivedSpan> spans, string service) =>
        spans.Any(s => s.Scope == "MassTransit" && s.Kind == SpanKind.Consumer
            && s.Attributes.Values.OfType<string>().Any(v => v.Contains($"DecentWork.{service}.", StringComparison.Ordinal)));

    // name{labels} value [timestamp], the Prometheus text exposition format.
    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? [-+0-9.eENaIf]+( -?[0-9]+)?$")]
    private static partial Regex PrometheusSample();

    public void Dispose() => _traces.Dispose();
}
