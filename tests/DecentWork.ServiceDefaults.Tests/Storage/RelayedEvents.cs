using System.Collections.Concurrent;
using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>An aggregate raising a real contract event (the relay resolves types from the contracts assembly only).</summary>
public sealed class Dispatch : Aggregate
{
    private Dispatch() { }

    public string Label { get; private set; } = "";

    public static Dispatch Raise(string label, int events)
    {
        var dispatch = new Dispatch { Id = Guid.NewGuid(), Label = label };
        for (var i = 0; i < events; i++)
            dispatch.Raise(new ProgrammeRegistered(dispatch.Id, "TZA", "Africa", $"{label}/{i}", new DateOnly(2008, 1, 1), new DateOnly(2010, 12, 31),
                DateTimeOffset.UnixEpoch));
        return dispatch;
    }
}

/// <summary>
/// What reached one queue on a real RabbitMQ, in arrival order: one consumer, one message at a
/// time, so the order seen is the order the broker queued them.
/// </summary>
public sealed class RelayedEvents : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IBusControl _bus;

    public ConcurrentQueue<(Guid MessageId, string Title)> Received { get; } = new();

    private RelayedEvents(ServiceProvider services)
    {
        _services = services;
        _bus = services.GetRequiredService<IBusControl>();
    }

    public static async Task<RelayedEvents> ListenAsync(string rabbitUri, string queue)
    {
        RelayedEvents? events = null;
        var services = new ServiceCollection()
            .AddSingleton(_ => events!)
            .AddMassTransit(bus =>
            {
                bus.ConfigureUsageTelemetryOptions(t => t.Enabled = false);
                bus.AddConsumer<RecordingConsumer>();
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(new Uri(rabbitUri));
                    rabbit.ReceiveEndpoint(queue, endpoint =>
                    {
                        endpoint.PrefetchCount = 1;
                        endpoint.ConcurrentMessageLimit = 1;
                        endpoint.ConfigureConsumer<RecordingConsumer>(context);
                    });
                });
            })
            .BuildServiceProvider();
        events = new RelayedEvents(services);
        await events._bus.StartAsync();
        return events;
    }

    /// <summary>A publishing bus of its own, as each service instance has.</summary>
    public static async Task<(IBusControl Bus, ServiceProvider Services)> PublisherAsync(string rabbitUri)
    {
        var services = new ServiceCollection()
            .AddMassTransit(bus =>
            {
                bus.ConfigureUsageTelemetryOptions(t => t.Enabled = false);
                bus.UsingRabbitMq((_, rabbit) => rabbit.Host(new Uri(rabbitUri), host => host.PublisherConfirmation = true));
            })
            .BuildServiceProvider();
        var bus = services.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        return (bus, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _services.DisposeAsync();
    }

    private sealed class RecordingConsumer(RelayedEvents events) : IConsumer<ProgrammeRegistered>
    {
        public Task Consume(ConsumeContext<ProgrammeRegistered> context)
        {
            events.Received.Enqueue((context.MessageId ?? Guid.Empty, context.Message.Title));
            return Task.CompletedTask;
        }
    }
}
