using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Two programming instances behind the gateway's programming cluster, probed every second.</summary>
public sealed class TwoProgrammingInstancesFixture : IAsyncLifetime
{
    public Platform Platform { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Platform = await Platform.StartAsync(await RabbitMqBroker.SharedAsync(), new PlatformOptions
        {
            ProgrammingReplicas = 1,
            // The probe's interval only: what it probes, the policy and the threshold are appsettings.json's.
            Gateway = new Dictionary<string, string> { ["ReverseProxy:Clusters:programming:HealthCheck:Active:Interval"] = "00:00:01" },
        });

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

/// <summary>The gateway spreads a service's calls over its instances and stops sending them to one that is down.</summary>
public class GatewayLoadBalancingTests(TwoProgrammingInstancesFixture fixture) : IClassFixture<TwoProgrammingInstancesFixture>
{
    private const int Calls = 20;

    [Fact]
    public async Task ProgrammingCalls_WhenOneOfTwoInstancesStops_SucceedOnTheOtherOnceTheHealthCheckMarksItDown()
    {
        var platform = fixture.Platform;
        var replica = platform.ProgrammingReplicas.Single();
        var client = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(platform.GatewayGrpc);
        var country = "MNG";

        // Both serve: each instance keeps its own embedded store, so each holds some of the programmes.
        for (var i = 0; i < Calls; i++) await client.RegisterProgrammeAsync(Programme(country, $"spread {i}"));
        var onPrimary = await CountAsync(platform.Programming, country);
        var onReplica = await CountAsync(replica, country);
        Assert.Equal(Calls, onPrimary + onReplica);
        Assert.True(onPrimary > 0 && onReplica > 0, $"calls were not spread: {onPrimary} on primary, {onReplica} on the replica");

        await platform.Programming.StopAsync();
        await Eventually.Until(() => Task.FromResult(ActiveHealth("primary")), health => health == DestinationHealth.Unhealthy,
            what: "the gateway's active health check to mark the stopped instance down");

        for (var i = 0; i < Calls; i++) await client.RegisterProgrammeAsync(Programme(country, $"after stop {i}"));
        var listed = await client.ListProgrammesAsync(new ProgrammingV1.ListProgrammesRequest { Country = country, PageSize = 200 });

        Assert.Equal(onReplica + Calls, await CountAsync(replica, country));
        Assert.Equal(onReplica + Calls, listed.Programmes.Count);
        Assert.Equal(DestinationHealth.Healthy, ActiveHealth("replica-2"));
        // The gateway's own health stays green while one instance of each service serves.
        using var health = await platform.Gateway.AnonymousHttp.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    private DestinationHealth ActiveHealth(string destination)
    {
        var proxy = fixture.Platform.Gateway.Services.GetRequiredService<IProxyStateLookup>();
        Assert.True(proxy.TryGetCluster("programming", out var cluster));
        return cluster.Destinations[destination].Health.Active;
    }

    private static async Task<int> CountAsync(ServiceInstance instance, string country) =>
        (await new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(instance.Channel)
            .ListProgrammesAsync(new ProgrammingV1.ListProgrammesRequest { Country = country, PageSize = 200 })).Programmes.Count;

    private static ProgrammingV1.RegisterProgrammeRequest Programme(string country, string title) => new()
    {
        CountryCode = country,
        Title = $"DWCP Mongolia ({title})",
        PeriodStart = ProtoConvert.ToDate(new DateOnly(2012, 1, 1)),
        PeriodEnd = ProtoConvert.ToDate(new DateOnly(2015, 12, 31)),
    };
}
