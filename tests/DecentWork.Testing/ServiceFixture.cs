using Microsoft.AspNetCore.Builder;
using Xunit;

namespace DecentWork.Testing;

/// <summary>
/// xunit class fixture: one service on real sockets with its own RabbitMQ virtual host, started
/// once per test class. Derive and name the service and its composition root.
/// </summary>
public abstract class ServiceFixture(string name, Func<string[], WebApplication> build) : IAsyncLifetime
{
    public RabbitMqBroker Broker { get; private set; } = null!;
    public string RabbitUri { get; private set; } = "";
    public ServiceInstance Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await RabbitMqBroker.SharedAsync();
        RabbitUri = await Broker.CreateVirtualHostAsync(name);
        // The vhost's administrator account: these tests also publish and consume through the
        // service's bus as the other services would. The end-to-end platform and the run command
        // give each service its restricted account instead (RabbitMqBroker.ServiceAccountUriAsync).
        Service = await ServiceInstance.StartAsync(name, build, new Dictionary<string, string> { ["RABBITMQ_URI"] = RabbitUri });
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Broker.DeleteVirtualHostAsync(RabbitUri);
    }
}
