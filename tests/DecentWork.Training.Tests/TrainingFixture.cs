using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using DecentWork.Training.Domain;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DecentWork.Training.Tests;

public sealed class TrainingFixture : ServiceFixture
{
    /// <summary>
    /// "Today" for training's date rules in these tests: after every edition they schedule
    /// (2031-2100) and hold, so holding one is allowed as in production once it has taken place.
    /// A test that needs an edition still to come schedules it after this day.
    /// </summary>
    public static readonly DateTimeOffset Today = new(2101, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public TrainingFixture() : this(new FakeTimeProvider(Today)) { }

    private TrainingFixture(FakeTimeProvider calendar) : base(TrainingApp.ServiceName, args => TrainingApp.Build(args, calendar)) => Calendar = calendar;

    /// <summary>Shared by the class's tests: only ever moved forward, past every date they use.</summary>
    public FakeTimeProvider Calendar { get; }

    public IBus Bus => Service.Services.GetRequiredService<IBus>();
    public IAggregateStore<KnownProgramme> KnownProgrammes => Service.Services.GetRequiredService<IAggregateStore<KnownProgramme>>();

    public static ProgrammeRegistered Registered(string country = "TZA", string title = "DWCP United Republic of Tanzania") =>
        new(Guid.NewGuid(), country, "Africa", title, new DateOnly(2006, 1, 1), new DateOnly(2010, 12, 31), DateTimeOffset.UtcNow);

    /// <summary>Announces a programme as programming would, and waits until training has heard of it.</summary>
    public async Task<Guid> KnownProgrammeAsync(string country = "TZA")
    {
        var registered = Registered(country);
        await Bus.Publish(registered);
        await Eventually.Until(() => KnownProgrammes.FindAsync(registered.ProgrammeId), p => p is not null, what: "the programme to be known");
        return registered.ProgrammeId;
    }

    public static ProgrammeOutcome Outcome(string code) => new(Guid.NewGuid(), code, $"Outcome {code}", 2, 100_000m);

    /// <summary>Registers and approves a programme with these outcomes, as programming would, and waits until training knows them.</summary>
    public async Task<Guid> ApprovedProgrammeAsync(string country, params ProgrammeOutcome[] outcomes)
    {
        var registered = Registered(country);
        await Bus.Publish(registered);
        await Bus.Publish(new ProgrammeApproved(registered.ProgrammeId, country, "Africa", new DateOnly(2008, 3, 1), outcomes, DateTimeOffset.UtcNow));
        await Eventually.Until(() => KnownProgrammes.FindAsync(registered.ProgrammeId),
            p => p is { Registered: true } && p.Outcomes.Count == outcomes.Length, what: "the programme's outcomes to be known");
        return registered.ProgrammeId;
    }

    /// <summary>Withdraws an outcome after approval, as programming would, and waits until training has applied it.</summary>
    public async Task WithdrawAsync(Guid programmeId, ProgrammeOutcome outcome)
    {
        await Bus.Publish(new ProgrammeOutcomeChanged(programmeId, outcome, Withdrawn: true, DateTimeOffset.UtcNow.AddSeconds(1)));
        await Eventually.Until(() => KnownProgrammes.FindAsync(programmeId),
            p => p!.Outcomes.Single(o => o.Id == outcome.OutcomeId).Withdrawn, what: "the outcome to be withdrawn");
    }

    public IAggregateStore<KnownPartner> KnownPartners => Service.Services.GetRequiredService<IAggregateStore<KnownPartner>>();

    /// <summary>Announces a partner as partnerships would, and waits until training has heard of it.</summary>
    public async Task<Guid> KnownPartnerAsync(string name = "European Union")
    {
        var registered = new PartnerRegistered(Guid.NewGuid(), name, "EuropeanUnion", DateTimeOffset.UtcNow);
        await Bus.Publish(registered);
        await Eventually.Until(() => KnownPartners.FindAsync(registered.PartnerId), p => p is not null, what: "the partner to be known");
        return registered.PartnerId;
    }

    /// <summary>A code no other test uses, so tests sharing a service never collide.</summary>
    public static string NewCode(string prefix = "T") => $"{prefix}-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
}
