using DecentWork.Coordination.Consumers;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Hosting;
using DecentWork.ServiceDefaults.Messaging;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination;

/// <summary>Composition of the coordination service; tests build it the same way Program.cs does.</summary>
public static class CoordinationApp
{
    public const string ServiceName = "coordination";

    public static WebApplication Build(string[] args)
    {
        var builder = ServiceHost.CreateBuilder(args, ServiceName);
        builder.Services.AddDecentWorkStorage(StorageSettings.From(builder.Configuration, ServiceName))
            .AddAggregate("undafs",
                // The store, not a read-then-write, is what keeps "one UNDAF per country and cycle" under races.
                new StoreIndex<Undaf>(u => u.CountryCycleKey, Unique: true),
                new StoreIndex<Undaf>(u => u.CountryCode),
                new StoreIndex<Undaf>(u => u.SortKey))
            .AddAggregate("known_programmes",
                new StoreIndex<KnownProgramme>(p => p.SortKey));
        builder.Services.AddDecentWorkBus(builder.Configuration, ServiceName, bus => bus.AddConsumer<ProgrammeRegisteredConsumer>());

        var app = builder.Build();
        app.MapGrpcService<Grpc.CoordinationService>();
        app.MapServiceDefaults();
        return app;
    }
}
