using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Hosting;
using DecentWork.ServiceDefaults.Messaging;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships;

/// <summary>Composition of the partnerships service; tests build it the same way Program.cs does.</summary>
public static class PartnershipsApp
{
    public const string ServiceName = "partnerships";

    public static WebApplication Build(string[] args)
    {
        var builder = ServiceHost.CreateBuilder(args, ServiceName);
        builder.Services.AddDecentWorkStorage(StorageSettings.From(builder.Configuration, ServiceName))
            .AddAggregate("partners",
                new StoreIndex<Partner>(p => p.NormalizedName, Unique: true),
                new StoreIndex<Partner>(p => p.Category),
                new StoreIndex<Partner>(p => p.SortKey))
            .AddAggregate("funding_approvals",
                new StoreIndex<FundingApproval>(a => a.PartnerId),
                new StoreIndex<FundingApproval>(a => a.ProgrammeId),
                new StoreIndex<FundingApproval>(a => a.Year),
                new StoreIndex<FundingApproval>(a => a.SortKey));
        // Partnerships consumes nothing yet; the bus is here for the outbox relay, which publishes
        // FundingApproved once the approval is stored.
        builder.Services.AddDecentWorkBus(builder.Configuration, ServiceName);

        var app = builder.Build();
        app.MapGrpcService<Grpc.PartnershipsService>();
        app.MapServiceDefaults();
        return app;
    }
}
