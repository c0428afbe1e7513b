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
        // The service connects with an account of its own, restricted as in production; RabbitUri stays the administrator's.
        var serviceUri = await Broker.ServiceAccountUriAsync(RabbitUri, name);
        Service = await ServiceInstance.StartAsync(name, build, new Dictionary<string, string> { ["RABBITMQ_URI"] = serviceUri });
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Broker.DeleteVirtualHostAsync(RabbitUri);
    }
}
