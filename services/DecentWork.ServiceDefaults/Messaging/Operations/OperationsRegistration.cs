using DecentWork.ServiceDefaults.Hosting;
using DecentWork.ServiceDefaults.Storage;
using Grpc.AspNetCore.HealthChecks;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>
/// What every service with a bus gets for operations: the queue registry, the counters and the
/// sampler behind the metrics, the "messaging" health check, the operator-action record and the
/// OperationsService (mapped by MapServiceDefaults).
/// </summary>
public static class OperationsRegistration
{
    internal static void AddDecentWorkOperations(this IServiceCollection services, IConfiguration configuration, string serviceName,
        IBusRegistrationConfigurator bus)
    {
        services.AddSingleton<ConsumerQueues>();
        services.AddSingleton<MessagingCounters>();
        services.AddSingleton<BrokerQueues>();
        services.AddSingleton<MessagingSnapshot>();
        services.AddHostedService(sp => sp.GetRequiredService<MessagingSnapshot>());
        services.TryAddSingleton(TimeProvider.System);
        bus.AddConsumeObserver(sp => sp.GetRequiredService<MessagingCounters>());
        new StorageBuilder(services, StorageSettings.From(configuration, serviceName))
            .AddAggregate("operator_actions", new StoreIndex<OperatorAction>(a => a.SortKey, Unique: true));
        services.AddHealthChecks().AddCheck<MessagingHealthCheck>(MessagingHealthCheck.Name, tags: [MessagingHealthCheck.AttentionTag]);
        // gRPC health answers readiness: a parked message needs an operator, not a restart.
        services.Configure<GrpcHealthChecksOptions>(o =>
        {
            o.Services.Clear();
            o.Services.Map("", check => !check.Tags.Contains(MessagingHealthCheck.AttentionTag));
        });
    }

    /// <summary>Called by every endpoint's configuration: remembers the queue and counts its retries.</summary>
    internal static void Observe(IServiceProvider services, string queue, IRetryConfigurator retry)
    {
        services.GetRequiredService<ConsumerQueues>().Add(queue);
        retry.ConnectRetryObserver(services.GetRequiredService<MessagingCounters>());
    }

    public static void MapDecentWorkOperations(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<ConsumerQueues>() is not null)
            endpoints.MapGrpcService<OperationsGrpcService>();
    }
}
