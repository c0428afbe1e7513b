using DecentWork.ServiceDefaults.Hosting;
using DecentWork.ServiceDefaults.Messaging;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Consumers;
using DecentWork.Training.Domain;

namespace DecentWork.Training;

/// <summary>Composition of the training service; tests build it the same way Program.cs does.</summary>
public static class TrainingApp
{
    public const string ServiceName = "training";
    public const string CoursesCollection = "courses";
    public const string KnownProgrammesCollection = "known_programmes";
    public const string EditionsCollection = "editions";
    public const string ProgrammeTrainingCollection = "programme_training";
    public const string KnownPartnersCollection = "known_partners";

    public static WebApplication Build(string[] args) => Build(args, calendar: null);

    /// <summary>The same, with the clock training's date rules read set by the caller (see <see cref="TrainingCalendar"/>).</summary>
    public static WebApplication Build(string[] args, TimeProvider? calendar)
    {
        var builder = ServiceHost.CreateBuilder(args, ServiceName);
        builder.Services.AddSingleton(services => new TrainingCalendar(calendar ?? services.GetRequiredService<TimeProvider>()));
        builder.Services.AddDecentWorkStorage(StorageSettings.From(builder.Configuration, ServiceName))
            // The code is unique and is also the list order, so one unique index serves both.
            .AddAggregate(CoursesCollection, new StoreIndex<Course>(c => c.Code, Unique: true))
            .AddProjection(new LinkedCourses())
            .AddAggregate<KnownProgramme>(KnownProgrammesCollection)
            // A course's editions are listed by ListKey; reports select by start year.
            .AddAggregate(EditionsCollection, new StoreIndex<Edition>(e => e.CourseId), new StoreIndex<Edition>(e => e.ListKey, Unique: true),
                new StoreIndex<Edition>(e => e.StartYear))
            .AddProjection(new EditionTotals())
            .AddAggregate<ProgrammeTraining>(ProgrammeTrainingCollection)
            .AddAggregate<KnownPartner>(KnownPartnersCollection);
        builder.Services.AddSingleton<Counting.ProgrammeTrainingCounter>();
        // ---- retry: reconciliation ----
        builder.Services.AddSingleton<DecentWork.ServiceDefaults.Messaging.Operations.IReconciliationFigures, Counting.TrainingReconciliationFigures>();
        builder.Services.AddDecentWorkBus(builder.Configuration, ServiceName, bus =>
        {
            bus.AddConsumer<ProgrammeRegisteredConsumer>();
            bus.AddConsumer<ProgrammeApprovedConsumer>();
            bus.AddConsumer<ProgrammeOutcomeChangedConsumer>();
            bus.AddConsumer<ProgrammeRecountConsumer>();
            bus.AddConsumer<ProgrammeUnlinkRecountConsumer>();
            bus.AddConsumer<PartnerRegisteredConsumer>();
        });

        var app = builder.Build();
        app.MapGrpcService<Grpc.TrainingService>();
        app.MapServiceDefaults();
        return app;
    }
}
