using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Iati;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Hosting;
using DecentWork.ServiceDefaults.Iati;
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
        // Before AddDecentWorkStorage: hosted services start in order, and the backfill must give
        // older approvals their request key before the unique index on it is created.
        builder.Services.AddHostedService<Storage.RequestKeyBackfill>();
        builder.Services.AddHostedService<Storage.PartnerNameKeyBackfill>();
        builder.Services.AddDecentWorkStorage(StorageSettings.From(builder.Configuration, ServiceName))
            .AddAggregate("partners",
                new StoreIndex<Partner>(p => p.NormalizedName, Unique: true),
                new StoreIndex<Partner>(p => p.Category),
                new StoreIndex<Partner>(p => p.SortKey))
            .AddAggregate("funding_approvals",
                new StoreIndex<FundingApproval>(a => a.PartnerId),
                new StoreIndex<FundingApproval>(a => a.ProgrammeId),
                new StoreIndex<FundingApproval>(a => a.Year),
                new StoreIndex<FundingApproval>(a => a.SortKey),
                new StoreIndex<FundingApproval>(a => a.RequestKey, Unique: true))
            .AddProjection(new FundingApprovalTotals())
            .AddProjection(new FundingApprovalPartnerTotals()) // scale5: by partner and by category
            .AddProjection(new ProgrammeFundingTotals())
            .AddProjection(new FundingApprovalCountryTotals())
            .AddProjection(new FundingAllocationTotals())
            .AddProjection(new FundingOutcomeTotals()) // money2: totals by DWCP outcome
            .AddAggregate("agreements",
                new StoreIndex<Agreement>(a => a.PartnerId),
                new StoreIndex<Agreement>(a => a.SortKey))
            .AddProjection(new AgreementAlignmentTotals()) // scale5: the alignment table
            .AddAggregate<RbsaPool>("rbsa_pools")
            .AddProjection(new RbsaOutcomeTotals())
            .AddAggregate("projects",
                new StoreIndex<Project>(p => p.SortKey, Unique: true),
                new StoreIndex<Project>(p => p.Status))
            .AddProjection(new ProjectParticipationProjection()) // money2: project committees and consultations
            .AddProjection(new ProjectReportTotals()) // scale5: linkage, policy-marker and SDG reports
            .AddAggregate<ProgrammeNeeds>("programme_needs")
            // Coordination's country statuses, which the funding reports filter by (country_group).
            .AddKnownCountryStatuses()
            // ---- money: budget books, transactions, staged imports ----
            .AddAggregate("approval_budgets",
                new StoreIndex<Domain.Finance.ApprovalBudget>(b => b.AnnouncedRevision!)) // money4: the announcement backfill's idle check
            .AddProjection(new Domain.Finance.ProjectBudgetTotals())
            .AddAggregate("financial_transactions",
                new StoreIndex<Domain.Finance.FinancialTransaction>(t => t.SourceLineId, Unique: true),
                new StoreIndex<Domain.Finance.FinancialTransaction>(t => t.ProjectId),
                new StoreIndex<Domain.Finance.FinancialTransaction>(t => t.SortKey),
                new StoreIndex<Domain.Finance.FinancialTransaction>(t => t.AnnouncedRevision!)) // money4
            .AddProjection(new Domain.Finance.TransactionTotals())
            .AddAggregate("transaction_imports",
                new StoreIndex<Domain.Finance.TransactionImport>(i => i.Applied),
                new StoreIndex<Domain.Finance.TransactionImport>(i => i.StateKey));
        builder.Services.AddSingleton<Grpc.FinanceStores>();
        // money4: after the storage initializer, so the marks' indexes exist when the backfill asks whether anything is left.
        builder.Services.AddHostedService<Storage.FinanceAnnouncementBackfill>();
        // The outbox relay publishes PartnerRegistered and FundingApproved once stored; coordination's
        // approved joint programmes arrive as UN-system funding; programming's registered and approved
        // programmes and outcome changes say which programmes and outcomes approvals may name, and
        // give the resource needs for the funding gap.
        builder.Services.AddSingleton(IatiSettings.From(builder.Configuration));
        // ---- retry: reconciliation ----
        builder.Services.AddSingleton<DecentWork.ServiceDefaults.Messaging.Operations.IReconciliationFigures, Grpc.PartnershipsReconciliationFigures>();
        builder.Services.AddDecentWorkBus(builder.Configuration, ServiceName,
            bus =>
            {
                bus.AddConsumer<Consumers.JointProgrammeApprovedConsumer>();
                bus.AddConsumer<Consumers.ProgrammeRegisteredConsumer>();
                bus.AddConsumer<Consumers.ProgrammeApprovedConsumer>();
                bus.AddConsumer<Consumers.ProgrammeOutcomeChangedConsumer>();
                bus.AddConsumer<CountryStatusChangedConsumer>();
            });

        var app = builder.Build();
        app.MapGrpcService<Grpc.PartnershipsService>();
        app.MapServiceDefaults();
        app.MapIatiEndpoints();
        return app;
    }
}
