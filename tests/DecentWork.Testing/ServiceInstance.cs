using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace DecentWork.Testing;

/// <summary>
/// One service (or the gateway) running in this process on real loopback sockets: its gRPC
/// listener (HTTP/2) and its HTTP/1.1 listener, its own data folder and RabbitMQ virtual host.
/// Storage follows the environment: MongoDB when MONGODB_URI is set, otherwise embedded.
/// </summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    private readonly Func<string[], WebApplication> _build;
    private readonly string[] _args;
    private readonly string _dataFolder;
    private WebApplication? _app;

    private ServiceInstance(string name, Func<string[], WebApplication> build, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _build = build;
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        _dataFolder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"{name}-{Guid.NewGuid():N}");
        var all = new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = GrpcAddress.ToString(),
            ["Kestrel:Endpoints:Http:Url"] = HttpAddress.ToString(),
            ["Storage:DataFolder"] = _dataFolder,
            // A database of its own when the tests run against MongoDB.
            ["Storage:MongoDatabase"] = $"test-{name}-{Guid.NewGuid():N}",
            ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("DECENTWORK_TEST_LOG_LEVEL") ?? "Warning",
            ["Logging:LogLevel:DecentWork"] = "Information",
            ["Logging:LogLevel:MassTransit"] = Environment.GetEnvironmentVariable("DECENTWORK_TEST_LOG_LEVEL") ?? "Warning",
        };
        foreach (var (key, value) in settings) all[key] = value;
        _args = all.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        Channel = GrpcChannel.ForAddress(GrpcAddress);
        Http = new HttpClient { BaseAddress = HttpAddress };
    }

    public string Name { get; }
    public Uri GrpcAddress { get; }
    public Uri HttpAddress { get; }
    public GrpcChannel Channel { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException($"{Name} is not running.");

    public static async Task<ServiceInstance> StartAsync(
        string name, Func<string[], WebApplication> build, IReadOnlyDictionary<string, string>? settings = null)
    {
        var instance = new ServiceInstance(name, build, settings ?? new Dictionary<string, string>());
        await instance.StartAsync();
        return instance;
    }

    /// <summary>
    /// Starts the host and waits until GET /health says healthy: only then are the consumers'
    /// queues bound, so an event published right after start cannot miss them.
    /// </summary>
    public async Task StartAsync()
    {
        _app = _build(_args);
        await _app.StartAsync();
        await Eventually.Until(async () =>
        {
            // Degraded also answers 200; only Healthy means every receive endpoint is ready.
            try
            {
                using var health = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync("/health"));
                return health.RootElement.GetProperty("status").GetString() == "Healthy";
            }
            catch (HttpRequestException) { return false; }
        }, healthy => healthy, TimeSpan.FromSeconds(60), $"{Name} to report healthy");
    }

    /// <summary>Stops the host as a crash or redeploy would, keeping its data folder and ports.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Channel.Dispose();
        Http.Dispose();
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
