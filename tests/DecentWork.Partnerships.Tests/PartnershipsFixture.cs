using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Partnerships.V1;
using ProgrammeNeeds = DecentWork.Partnerships.Domain.ProgrammeNeeds;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Partnerships.Tests;

public sealed class PartnershipsFixture() : ServiceFixture(PartnershipsApp.ServiceName, PartnershipsApp.Build), IAsyncLifetime
{
    private IBusControl? _bus;

    /// <summary>
    /// A bus of the tests' own on the service's virtual host, with the administrator's account: the
    /// service's account may publish only partnerships' events and declare only its own queues, while
    /// the tests publish as programming and coordination would and listen on queues of their own.
    /// </summary>
    public IBus Bus => _bus ?? throw new InvalidOperationException("The fixture is not initialised.");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(RabbitUri)));
        await _bus.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync();
        await DisposeAsync();
    }
    public IAggregateStore<ProgrammeNeeds> Programmes => Service.Services.GetRequiredService<IAggregateStore<ProgrammeNeeds>>();

    public static ProgrammeRegistered Registered(string country = "ZMB") =>
        new(Guid.NewGuid(), country, "Africa", $"DWCP {country}", new DateOnly(2006, 1, 1), new DateOnly(2010, 12, 31), DateTimeOffset.UtcNow);

    public static ProgrammeOutcome Outcome(string code, decimal need = 1_000_000m) => new(Guid.NewGuid(), code, $"Outcome {code}", 2, need);

    /// <summary>Announces a programme as programming would on registration, and waits until partnerships has heard of it.</summary>
    public async Task<string> KnownProgrammeAsync(string country = "ZMB")
    {
        var registered = Registered(country);
        await Bus.Publish(registered);
        await Eventually.Until(() => Programmes.FindAsync(registered.ProgrammeId), p => p is not null, what: "the programme to be known");
        return registered.ProgrammeId.ToString();
    }

    /// <summary>Registers and approves a programme with these outcomes, as programming would, and waits until partnerships knows them.</summary>
    public async Task<string> ApprovedProgrammeAsync(string country, params ProgrammeOutcome[] outcomes)
    {
        var registered = Registered(country);
        await Bus.Publish(registered);
        await Bus.Publish(new ProgrammeApproved(registered.ProgrammeId, country, "Africa", new DateOnly(2008, 3, 1), outcomes, DateTimeOffset.UtcNow));
        await Eventually.Until(() => Programmes.FindAsync(registered.ProgrammeId),
            p => p is { AwaitingApproval: false } && p.Outcomes.Count == outcomes.Length, what: "the programme's outcomes to be known");
        return registered.ProgrammeId.ToString();
    }

    /// <summary>Withdraws an outcome after approval, as programming would, and waits until partnerships has applied it.</summary>
    public async Task WithdrawAsync(string programmeId, ProgrammeOutcome outcome)
    {
        var id = Guid.Parse(programmeId);
        await Bus.Publish(new ProgrammeOutcomeChanged(id, outcome, Withdrawn: true, DateTimeOffset.UtcNow.AddSeconds(1)));
        await Eventually.Until(() => Programmes.FindAsync(id),
            p => p!.Outcomes.Single(o => o.OutcomeId == outcome.OutcomeId).Withdrawn, what: "the outcome to be withdrawn");
    }
}

/// <summary>Request builders the service tests share; names are made unique because the rule forbids repeats.</summary>
internal static class Requests
{
    public static RegisterPartnerRequest Partner(string name = "Government of Norway", PartnerCategory category = PartnerCategory.BilateralGovernment) =>
        new() { Name = $"{name} {Guid.NewGuid():N}", Category = category };

    /// <summary>The minimal approval; the programme must be known to partnerships (see PartnershipsFixture.KnownProgrammeAsync).</summary>
    public static RecordFundingApprovalRequest Approval(string partnerId, string programmeId, decimal amount = 1_500_000.25m, int year = 2007) => new()
    {
        PartnerId = partnerId,
        ProgrammeId = programmeId,
        Amount = ProtoConvert.ToMoney(amount),
        Year = year,
    };

    public static RegisterAgreementRequest Agreement(string partnerId, int startYear = 2008, AgreementKind kind = AgreementKind.MultiYearFramework) => new()
    {
        PartnerId = partnerId,
        Title = $"Framework agreement {startYear}",
        Kind = kind,
        StartDate = new Google.Type.Date { Year = startYear, Month = 1, Day = 1 },
        EndDate = new Google.Type.Date { Year = startYear + 1, Month = 12, Day = 31 },
        PledgedAmount = new Google.Type.Money { CurrencyCode = "NOK", Units = 120_000_000 },
        Earmarking = Earmarking.SoftlyEarmarked,
        ThematicProvisions = { ThematicProvision.GenderEquality, ThematicProvision.Tripartism },
    };
}
