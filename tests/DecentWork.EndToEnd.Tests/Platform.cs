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
        ServiceInstance coordination, ServiceInstance training, ServiceInstance gateway)
    {
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
    // Partners' view: gRPC to the gateway's HTTP/2 listener. Portal's view: JSON over HTTP/1.1.
    // Both carry real tokens; the default caller is the demo loader's set of roles.
    public GrpcChannel GatewayGrpc => Gateway.Channel;
    public HttpClient GatewayJson => Gateway.Http;

    public GrpcChannel GatewayGrpcFor(TestCaller caller) => Gateway.ChannelFor(caller);
    public HttpClient GatewayJsonFor(TestCaller caller) => Gateway.HttpFor(caller);

    public static async Task<Platform> StartAsync(RabbitMqBroker broker)
    {
        var rabbitUri = await broker.CreateVirtualHostAsync("e2e");
        // Each service on the broker account of its own, with only the permissions it needs.
        async Task<Dictionary<string, string>> SettingsFor(string service) =>
            new() { ["RABBITMQ_URI"] = await broker.ServiceAccountUriAsync(rabbitUri, service) };
        var programming = await ServiceInstance.StartAsync(ProgrammingApp.ServiceName, ProgrammingApp.Build, await SettingsFor(ProgrammingApp.ServiceName));
        var partnerships = await ServiceInstance.StartAsync(PartnershipsApp.ServiceName, PartnershipsApp.Build, await SettingsFor(PartnershipsApp.ServiceName));
        var coordination = await ServiceInstance.StartAsync(CoordinationApp.ServiceName, CoordinationApp.Build, await SettingsFor(CoordinationApp.ServiceName));
        var training = await ServiceInstance.StartAsync(TrainingApp.ServiceName, TrainingApp.Build, await SettingsFor(TrainingApp.ServiceName));
        var gatewaySettings = new Dictionary<string, string> { ["contentRoot"] = Path.Combine(AppContext.BaseDirectory, "gateway") };
        foreach (var service in new[] { programming, partnerships, coordination, training })
            gatewaySettings[$"ReverseProxy:Clusters:{service.Name}:Destinations:primary:Address"] = service.GrpcAddress.ToString();
        var gateway = await ServiceInstance.StartAsync(GatewayApp.ServiceName, GatewayApp.Build, gatewaySettings);
        return new Platform(broker, rabbitUri, programming, partnerships, coordination, training, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in new[] { Gateway, Training, Coordination, Partnerships, Programming }) await instance.DisposeAsync();
        await Broker.DeleteVirtualHostAsync(RabbitUri);
    }
}
