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
    public const string UndafsCollection = "undafs";
    public const string PresencesCollection = "country_presences";
    public const string JointProgrammesCollection = "joint_programmes";
    public const string PilotsCollection = "delivering_as_one_pilots";
    public const string ToolkitAssessmentsCollection = "toolkit_assessments";
    public const string CrisisResponsesCollection = "crisis_responses";
    public const string CountryStatusesCollection = "country_statuses";

    public static WebApplication Build(string[] args)
    {
        var builder = ServiceHost.CreateBuilder(args, ServiceName);
        var storage = builder.Services.AddDecentWorkStorage(StorageSettings.From(builder.Configuration, ServiceName))
            .AddAggregate(UndafsCollection,
                // The store, not a read-then-write, is what keeps "one UNDAF per country and cycle" under races.
                new StoreIndex<Undaf>(u => u.CountryCycleKey, Unique: true),
                new StoreIndex<Undaf>(u => u.CountryCode),
                new StoreIndex<Undaf>(u => u.SortKey))
            .AddAggregate("known_programmes",
                new StoreIndex<KnownProgramme>(p => p.SortKey),
                // scale6: the coverage lists read the programmes of a page's countries only.
                new StoreIndex<KnownProgramme>(p => p.CountryCode))
            .AddProjection(new ProgrammesByCountryProjection())
            .AddAggregate(PresencesCollection,
                // One presence per country, even when two first SetCountryPresence calls race.
                new StoreIndex<CountryPresence>(p => p.CountryCode, Unique: true))
            .AddAggregate(JointProgrammesCollection,
                new StoreIndex<JointProgramme>(j => j.SortKey),
                new StoreIndex<JointProgramme>(j => j.Status),
                // scale6: the summary reads the programmes the organisation leads, and counts the rest from buckets.
                new StoreIndex<JointProgramme>(j => j.LeadAgency))
            .AddProjection(new JointProgrammesByFundProjection())
            .AddAggregate(PilotsCollection,
                new StoreIndex<DeliveringAsOnePilot>(p => p.CountryCode, Unique: true))
            .AddAggregate(ToolkitAssessmentsCollection,
                // One assessment per agency and country (or agency-wide), even under a race.
                new StoreIndex<ToolkitAssessment>(a => a.AgencyScopeKey, Unique: true),
                new StoreIndex<ToolkitAssessment>(a => a.SortKey),
                new StoreIndex<ToolkitAssessment>(a => a.Status))
            .AddAggregate(CrisisResponsesCollection,
                new StoreIndex<CrisisResponse>(c => c.SortKey),
                new StoreIndex<CrisisResponse>(c => c.CountryCode))
            // The id is the country's (KnownCountryStatus.IdOf): one status per country without a unique index.
            .AddAggregate(CountryStatusesCollection,
                new StoreIndex<CountryStatus>(s => s.CountryCode));
        builder.Services.AddHostedService<Storage.CountryStatusSeed>();
        KnowledgeRegistration.AddKnowledge(storage);
        builder.Services.AddDecentWorkBus(builder.Configuration, ServiceName, bus =>
        {
            bus.AddConsumer<ProgrammeRegisteredConsumer>();
            bus.AddConsumer<ProgrammeApprovedConsumer>();
            bus.AddConsumer<ProgrammeOutcomeChangedConsumer>();
            bus.AddConsumer<FundingApprovedConsumer>();
            bus.AddConsumer<FundingApprovalCorrectedConsumer>(); // money2: the region comparison follows corrections
            bus.AddConsumer<SearchablePublishedConsumer>(); // money2: projects and courses in the search
            bus.AddConsumer<ProjectFinanceChangedConsumer>(); // money3: budget and expenditure in the region comparison
        });

        var app = builder.Build();
        app.MapGrpcService<Grpc.CoordinationService>();
        app.MapGrpcService<Grpc.KnowledgeService>();
        app.MapServiceDefaults();
        return app;
    }
}
