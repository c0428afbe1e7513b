using System.Collections.Concurrent;
using DecentWork.Testing;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using OperationsV1 = DecentWork.Contracts.Operations.V1;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>
/// The platform as separate processes: the four services and the gateway started from their build
/// output with the configuration the run command gives them, each service on a broker account of
/// its own in a virtual host of its own on a broker of its own (so stopping it disturbs no other
/// test), embedded stores in a temporary folder. The identity provider runs in this process.
/// </summary>
public sealed class ProcessPlatform : IAsyncDisposable
{
    public static readonly string[] ServiceNames = ["programming", "coordination", "partnerships", "training"];

    private readonly Dictionary<string, ServiceProcess> _processes = [];
    private readonly Dictionary<string, Uri> _http = [];
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();
    private readonly string _folder;

    private ProcessPlatform(RabbitMqBroker broker, string rabbitUri, IdentityProvider identity, string folder)
    {
        Broker = broker;
        RabbitUri = rabbitUri;
        Identity = identity;
        _folder = folder;
    }

    public RabbitMqBroker Broker { get; }
    /// <summary>The virtual host, as its administrator (for injecting messages and reading queues).</summary>
    public string RabbitUri { get; }
    public IdentityProvider Identity { get; }
    public Uri GatewayGrpc { get; private set; } = null!;
    public string DataFolder => Path.Combine(_folder, "data");
    public string LogFolder => Path.Combine(_folder, "logs");

    public static async Task<ProcessPlatform> StartAsync()
    {
        // The identity provider first: if it cannot start, no broker is left running behind.
        var identity = await IdentityProvider.SharedAsync();
        var broker = await RabbitMqBroker.StartDedicatedAsync("faults");
        var rabbitUri = await broker.CreateVirtualHostAsync("faults");
        var folder = Path.Combine(Path.GetTempPath(), "decentwork-faults", Guid.NewGuid().ToString("N"));
        var platform = new ProcessPlatform(broker, rabbitUri, identity, folder);
        Directory.CreateDirectory(platform.DataFolder);
        Directory.CreateDirectory(platform.LogFolder);
        var grpcPorts = new Dictionary<string, int>();
        foreach (var service in ServiceNames)
        {
            var (grpc, http) = (FreePort.Next(), FreePort.Next());
            grpcPorts[service] = grpc;
            platform.Add(service, $"services/{service}/DecentWork.{char.ToUpperInvariant(service[0])}{service[1..]}", grpc, http, new()
            {
                ["RABBITMQ_URI"] = await broker.ServiceAccountUriAsync(rabbitUri, service),
                ["Storage__DataFolder"] = platform.DataFolder,
            });
        }
        var gateway = new Dictionary<string, string>
        {
            // The suite is one client writing as fast as it can; the per-client buckets are not under test here.
            ["RateLimiting__Calls__TokenLimit"] = "1000000",
            ["RateLimiting__Calls__TokensPerPeriod"] = "1000000",
            ["RateLimiting__Reports__TokenLimit"] = "1000000",
            ["RateLimiting__Reports__TokensPerPeriod"] = "1000000",
        };
        foreach (var (service, port) in grpcPorts)
            gateway[$"ReverseProxy__Clusters__{service}__Destinations__primary__Address"] = ServiceProcess.Loopback(port).ToString();
        var gatewayGrpc = FreePort.Next();
        platform.Add("gateway", "gateway/DecentWork.Gateway", gatewayGrpc, FreePort.Next(), gateway);
        platform.GatewayGrpc = ServiceProcess.Loopback(gatewayGrpc);
        await platform.StartAsync(ServiceNames);
        await platform.StartAsync(["gateway"]);
        return platform;
    }

    private void Add(string name, string project, int grpcPort, int httpPort, Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["Identity__Authority"] = Identity.Authority.ToString();
        settings["Kestrel__Endpoints__Grpc__Url"] = ServiceProcess.Loopback(grpcPort).ToString();
        settings["Kestrel__Endpoints__Http__Url"] = ServiceProcess.Loopback(httpPort).ToString();
        settings["Logging__LogLevel__Default"] = "Warning";
        _processes[name] = new ServiceProcess(name, ServiceProcess.DllOf(project), settings, Path.Combine(LogFolder, name + ".log"));
        _http[name] = ServiceProcess.Loopback(httpPort);
    }

    public ServiceProcess this[string name] => _processes[name];

    /// <summary>Starts the named processes together and waits until each is ready.</summary>
    public async Task StartAsync(IEnumerable<string> names)
    {
        var list = names.ToList();
        foreach (var name in list) _processes[name].Start();
        await Task.WhenAll(list.Select(name => _processes[name].WaitReadyAsync(_http[name], TimeSpan.FromSeconds(90))));
    }

    /// <summary>A service's GET /health: the status code and the body's messaging check.</summary>
    public async Task<(System.Net.HttpStatusCode Code, string Status, string Description)> MessagingHealthAsync(string service)
    {
        using var http = new HttpClient { BaseAddress = _http[service] };
        using var response = await http.GetAsync("/health");
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messaging = body.RootElement.GetProperty("checks").GetProperty("messaging");
        return (response.StatusCode, messaging.GetProperty("status").GetString()!, messaging.GetProperty("description").GetString() ?? "");
    }

    /// <summary>SIGKILLs the named processes at once.</summary>
    public void Kill(IEnumerable<string> names)
    {
        foreach (var name in names) _processes[name].Kill();
    }

    /// <summary>A gateway channel carrying a current token of <paramref name="caller"/>.</summary>
    public GrpcChannel GatewayFor(TestCaller caller) =>
        _channels.GetOrAdd(caller.ClientId, _ => ServiceInstance.AuthorizedChannel(GatewayGrpc, () => Identity.TokenAsync(caller)));

    /// <summary>The operations service of one service, through the gateway, as an operator.</summary>
    public OperationsV1.OperationsService.OperationsServiceClient Operations(string service) =>
        new(GatewayFor(TestCaller.Operations).Intercept(metadata =>
        {
            metadata.Add("decentwork-service", service);
            return metadata;
        }));

    /// <summary>Stops every process gracefully (SIGTERM, as an orchestrator would), closing the stores for reading.</summary>
    public async Task StopAllAsync()
    {
        foreach (var process in _processes.Values) await process.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_processes.Keys);
        foreach (var channel in _channels.Values) channel.Dispose();
        await Broker.DeleteVirtualHostAsync(RabbitUri);
        await Broker.DisposeAsync();
        // Logs and stores are kept when DECENTWORK_FAULT_KEEP is set, for a look after a failure.
        if (Environment.GetEnvironmentVariable("DECENTWORK_FAULT_KEEP") is null)
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
    }
}
