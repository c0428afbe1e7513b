using System.Diagnostics;
using DecentWork.Testing;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Operations follow one request across the platform: a single trace id from the gateway to a consumer in another service.</summary>
public class TelemetryTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IDisposable
{
    private readonly TraceCollector _traces = new();

    [Fact]
    public async Task RegisterProgramme_OneTraceSpansGatewayServiceBrokerAndConsumers()
    {
        var platform = fixture.Platform;
        var traceId = await TracedCalls.RegisterProgrammeAsync(platform, "PAK", "DWCP Pakistan (traced)");

        // Both consumers of ProgrammeRegistered must have finished their work in this trace.
        var spans = await Eventually.Until(() => Task.FromResult(_traces.InTrace(traceId)),
            // The relay's span ends after the outbox delete, which can come after the consumers finish.
            s => ConsumedBy(s, "Coordination") && ConsumedBy(s, "Training") && s.Any(x => x.DisplayName == "relay ProgrammeRegistered"),
            what: "consume spans in coordination and training and the relay span");

        var gatewayPort = platform.Gateway.GrpcAddress.Port;
        var programmingPort = platform.Programming.GrpcAddress.Port;
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && Port(s) == gatewayPort);
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && Port(s) == programmingPort);
        Assert.Contains(spans, s => s.Source.Name == "DecentWork.Storage" && s.DisplayName == "save programmes");
        Assert.Contains(spans, s => s.Source.Name == "DecentWork.Outbox" && s.DisplayName == "relay ProgrammeRegistered");
        Assert.Contains(spans, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer);
    }

    private static bool ConsumedBy(IEnumerable<Activity> spans, string service) =>
        spans.Any(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer
            && s.Tags.Any(t => t.Value?.Contains($"DecentWork.{service}.", StringComparison.Ordinal) == true));

    private static int? Port(Activity span) =>
        span.GetTagItem("server.port") is int port ? port : null;

    public void Dispose() => _traces.Dispose();
}
