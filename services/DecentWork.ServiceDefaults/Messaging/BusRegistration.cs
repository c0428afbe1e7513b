using DecentWork.ServiceDefaults.Messaging.Operations;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.ServiceDefaults.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// MassTransit over RabbitMQ (RABBITMQ_URI). Queues are named "{service}-{consumer}" so each
    /// service gets its own queue per consumer even when two services consume the same event.
    /// Failed messages are retried in process, then (where the broker has the delayed-exchange
    /// plugin) redelivered later, and finally moved to the consumer's "_error" queue.
    /// The outbox relay is the only publisher of integration events.
    /// </summary>
    public static IServiceCollection AddDecentWorkBus(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
    {
        // No default account: each service gets one of its own (deploy/scripts/rabbitmq.sh service-uri).
        var rabbitUri = configuration["RABBITMQ_URI"] is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("RABBITMQ_URI is not set: name the broker and this service's own account (amqp://user:password@host:5672/vhost).");
        var delayedRedelivery = configuration.GetValue("Messaging:DelayedRedelivery", false);
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // MassTransit reports usage to its vendor by default; the platform calls nobody it was not configured to.
            bus.ConfigureUsageTelemetryOptions(telemetry => telemetry.Enabled = false);
            addConsumers?.Invoke(bus);
            services.AddDecentWorkOperations(configuration, serviceName, bus);
            bus.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                // No one consumes Fault<T>, and a service's own broker account may not create the
                // "MassTransit:Fault--…" exchanges: publishing one closed the consumer's channel
                // (ACCESS_REFUSED) and the faulted message was never parked. The _error queue is
                // the record of a fault; operations reads it there.
                endpoint.PublishFaults = false;
                // Saves a consumer makes are recorded in history as that event's doing.
                endpoint.UseConsumeFilter(typeof(ChangeActorConsumeFilter<>), context);
                // Debian's and the official images' RabbitMQ lack the delayed-message plugin,
                // so broker-side delayed redelivery is opt-in; in-process retries always apply.
                if (delayedRedelivery)
                    endpoint.UseDelayedRedelivery(r => r.Intervals(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)));
                endpoint.UseMessageRetry(r =>
                {
                    r.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
                    OperationsRegistration.Observe(context, queue, r);
                });
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(rabbitUri), host => host.PublisherConfirmation = true);
                rabbit.ConfigureEndpoints(context);
            });
        });
        // Start the bus before the host reports started, so nothing publishes or reports ready first.
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddHostedService<OutboxRelay>();
        return services;
    }
}
