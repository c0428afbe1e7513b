using DecentWork.Coordination;
using DecentWork.Gateway;
using DecentWork.Partnerships;
using DecentWork.Programming;
using DecentWork.Testing;
using DecentWork.Training;
using Grpc.Net.Client;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The whole platform in this process on real loopback sockets: the four services sharing one
/// RabbitMQ virtual host, and the gateway routing to them from configuration.
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    private Platform(RabbitMqBroker broker, string rabbitUri, ServiceInstance programming, ServiceInstance partnerships,
        ServiceInstance coordination, ServiceInstance training, ServiceInstance gateway, IReadOnlyList<ServiceInstance> programmingReplicas,
        Uri gatewayManagement)
    {
        ProgrammingReplicas = programmingReplicas;
        GatewayManagement = gatewayManagement;
        Broker = broker;
        RabbitUri = rabbitUri;
        Programming = programming;
        Partnerships = partnerships;
        Coordination = coordination;
        Training = training;
        Gateway = gateway;
    }

    public RabbitMqBroker Broker { get; }
    public string RabbitUri { get; }
    public ServiceInstance Programming { get; }
    public ServiceInstance Partnerships { get; }
    public ServiceInstance Coordination { get; }
    public ServiceInstance Training { get; }
    public ServiceInstance Gateway { get; }
    /// <summary>Programming instances beyond the first (<see cref="PlatformOptions.ProgrammingReplicas"/>), each a gateway destination.</summary>
    public IReadOnlyList<ServiceInstance> ProgrammingReplicas { get; }
    /// <summary>The gateway's operations listener (/metrics), never routed to the services.</summary>
    public Uri GatewayManagement { get; }
    // Partners' view: gRPC to the gateway's HTTP/2 listener. Portal's view: JSON over HTTP/1.1.
    // Both carry real tokens; the default caller is the demo loader's set of roles.
    public GrpcChannel GatewayGrpc => Gateway.Channel;
    public HttpClient GatewayJson => Gateway.Http;

    public GrpcChannel GatewayGrpcFor(TestCaller caller) => Gateway.ChannelFor(caller);
    public HttpClient GatewayJsonFor(TestCaller caller) => Gateway.HttpFor(caller);

    public static async Task<Platform> StartAsync(RabbitMqBroker broker, PlatformOptions? options = null)
    {
        options ??= new PlatformOptions();
        var rabbitUri = await broker.CreateVirtualHostAsync("e2e");
        // Each service on the broker account of its own, with only the permissions it needs.
        async Task<Dictionary<string, string>> SettingsFor(string service) =>
            new(options.EveryHost) { ["RABBITMQ_URI"] = await broker.ServiceAccountUriAsync(rabbitUri, service) };
        var programming = await ServiceInstance.StartAsync(ProgrammingApp.ServiceName, ProgrammingApp.Build, await SettingsFor(ProgrammingApp.ServiceName));
        var partnerships = await ServiceInstance.StartAsync(PartnershipsApp.ServiceName, PartnershipsApp.Build, await SettingsFor(PartnershipsApp.ServiceName));
        var coordination = await ServiceInstance.StartAsync(CoordinationApp.ServiceName, CoordinationApp.Build, await SettingsFor(CoordinationApp.ServiceName));
        var training = await ServiceInstance.StartAsync(TrainingApp.ServiceName, TrainingApp.Build, await SettingsFor(TrainingApp.ServiceName));
        var replicas = new List<ServiceInstance>();
        for (var i = 0; i < options.ProgrammingReplicas; i++)
            replicas.Add(await ServiceInstance.StartAsync(ProgrammingApp.ServiceName, ProgrammingApp.Build, await SettingsFor(ProgrammingApp.ServiceName)));
        var gatewayManagement = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var gatewaySettings = new Dictionary<string, string>(options.EveryHost)
        {
            ["contentRoot"] = Path.Combine(AppContext.BaseDirectory, "gateway"),
            [$"Kestrel:Endpoints:{GatewayApp.ManagementListener}:Url"] = gatewayManagement.ToString(),
        };
        foreach (var service in new[] { programming, partnerships, coordination, training })
            gatewaySettings[$"ReverseProxy:Clusters:{service.Name}:Destinations:primary:Address"] = service.GrpcAddress.ToString();
        for (var i = 0; i < replicas.Count; i++)
            gatewaySettings[$"ReverseProxy:Clusters:programming:Destinations:replica-{i + 2}:Address"] = replicas[i].GrpcAddress.ToString();
        foreach (var (key, value) in options.Gateway) gatewaySettings[key] = value;
        var gateway = await ServiceInstance.StartAsync(GatewayApp.ServiceName, GatewayApp.Build, gatewaySettings);
        return new Platform(broker, rabbitUri, programming, partnerships, coordination, training, gateway, replicas, gatewayManagement);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in new[] { Gateway, Training, Coordination, Partnerships, Programming }.Concat(ProgrammingReplicas))
            await instance.DisposeAsync();
        await Broker.DeleteVirtualHostAsync(RabbitUri);
    }
}
