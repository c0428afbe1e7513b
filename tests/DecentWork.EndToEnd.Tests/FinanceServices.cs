using DecentWork.Coordination;
using DecentWork.Partnerships;
using DecentWork.Testing;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Partnerships and coordination alone, on a virtual host of their own, each on its own broker
/// account: enough for money to travel from partnerships' finance records to the region comparison,
/// and cheaper to start than the whole platform. Coordination starts first, so its queue is bound
/// before partnerships publishes anything.
/// </summary>
public sealed class FinanceServices : IAsyncLifetime
{
    private RabbitMqBroker _broker = null!;
    private string _virtualHost = "";

    public ServiceInstance Coordination { get; private set; } = null!;
    public ServiceInstance Partnerships { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.SharedAsync();
        _virtualHost = await _broker.CreateVirtualHostAsync("finance");
        async Task<Dictionary<string, string>> SettingsFor(string service) =>
            new() { ["RABBITMQ_URI"] = await _broker.ServiceAccountUriAsync(_virtualHost, service) };
        Coordination = await ServiceInstance.StartAsync(CoordinationApp.ServiceName, CoordinationApp.Build, await SettingsFor(CoordinationApp.ServiceName));
        Partnerships = await ServiceInstance.StartAsync(PartnershipsApp.ServiceName, PartnershipsApp.Build, await SettingsFor(PartnershipsApp.ServiceName));
    }

    public async Task DisposeAsync()
    {
        await Partnerships.DisposeAsync();
        await Coordination.DisposeAsync();
        await _broker.DeleteVirtualHostAsync(_virtualHost);
    }
}
