using DecentWork.Programming.Consumers;
using DecentWork.Programming.Domain;
using DecentWork.Programming.Iati;
using DecentWork.ServiceDefaults.Iati;
using DecentWork.Programming.Storage;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Hosting;
using DecentWork.ServiceDefaults.Messaging;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming;

/// <summary>Composition of the programming service; tests build it the same way Program.cs does.</summary>
public static class ProgrammingApp
{
    public const string ServiceName = "programming";

    public static WebApplication Build(string[] args)
    {
        var builder = ServiceHost.CreateBuilder(args, ServiceName);
        // Before AddDecentWorkStorage: hosted services start in order, and the backfill must give
        // older programmes their approval slot and request key before the unique indexes on them are created.
        builder.Services.AddHostedService<ProgrammeKeyBackfill>();
        builder.Services.AddDecentWorkStorage(StorageSettings.From(builder.Configuration, ServiceName))
            .AddAggregate("programmes",
                new StoreIndex<Programme>(p => p.CountryCode),
                new StoreIndex<Programme>(p => p.SortKey),
                new StoreIndex<Programme>(p => p.ApprovalSlot, Unique: true),
                new StoreIndex<Programme>(p => p.RequestKey, Unique: true))
            // The reports' buckets, kept in the same transaction as every save of a programme.
            .AddProjection(new ProgrammesByStatusProjection())
            .AddProjection(new ConsultationParticipationProjection())
            .AddProjection(new TrainingByProgrammeProjection())
            .AddProjection(new OutcomeClassificationProjection()) // scale6: the policy-marker and SDG reports
            .AddProjection(new FundingCountedInProgramme())
            .AddProjection(new ProgrammeNeedByGroupProjection())
            // Money mobilised lives beside the programme (see FundingApprovedConsumer): one record
            // per approval, listed by programme for its history, summed per programme and outcome.
            .AddAggregate("funding_contributions",
                new StoreIndex<FundingContribution>(c => c.ProgrammeId),
                new StoreIndex<FundingContribution>(c => c.SortKey),
                // Lets the filing backfill find unfiled records by a seek (see ContributionFilingBackfill).
                new StoreIndex<FundingContribution>(c => c.FiledCountry))
            .AddProjection(new FundingByProgramme())
            // The joined reports' money, under each contribution's programme group (Storage/ContributionFiling.cs).
            .AddProjection(new FundingByGroupProjection())
            // Coordination's country statuses, which the reports filter by (country_group).
            .AddKnownCountryStatuses()
            // Gender audits and ratification targets: records of their own, scoped by country (see each aggregate).
            .AddAggregate("gender_audits",
                new StoreIndex<GenderAudit>(a => a.CountryCode),
                new StoreIndex<GenderAudit>(a => a.SortKey, Unique: true))
            .AddAggregate("ratification_targets",
                new StoreIndex<RatificationTarget>(t => t.TargetKey, Unique: true),
                new StoreIndex<RatificationTarget>(t => t.SortKey, Unique: true))
            .AddProjection(new RatificationTargetsProjection());
        // After the storage initializer: files the contributions recorded before filing existed.
        builder.Services.AddHostedService<ContributionFilingBackfill>();
        builder.Services.AddSingleton(IatiSettings.From(builder.Configuration));
        // ---- retry: reconciliation ----
        builder.Services.AddSingleton<DecentWork.ServiceDefaults.Messaging.Operations.IReconciliationFigures, Grpc.ProgrammingReconciliationFigures>();
        builder.Services.AddDecentWorkBus(builder.Configuration, ServiceName, bus =>
        {
            bus.AddConsumer<FundingApprovedConsumer>();
            bus.AddConsumer<FundingApprovalCorrectedConsumer>();
            bus.AddConsumer<RbsaAllocatedConsumer>();
            bus.AddConsumer<ProgrammeTrainingCountedConsumer>();
            bus.AddConsumer<CountryStatusChangedConsumer>();
        });

        var app = builder.Build();
        app.MapGrpcService<Grpc.ProgrammingService>();
        app.MapServiceDefaults();
        app.MapIatiEndpoints();
        return app;
    }
}
