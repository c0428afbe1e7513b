using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.Programming;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// AllocateRbsa to an outcome: RbsaAllocated goes outbox → relay → RabbitMQ → programming's real
/// consumer, and the outcome's money mobilised and gap there include it.
/// </summary>
public class RbsaAllocatedDeliveryTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    [Fact]
    public async Task AllocateRbsa_ToAnOutcome_IsCountedForItByTheProgrammingService()
    {
        await using var programming = await ServiceInstance.StartAsync(ProgrammingApp.ServiceName, ProgrammingApp.Build,
            new Dictionary<string, string> { ["RABBITMQ_URI"] = fixture.RabbitUri });
        var programmes = new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(programming.Channel);
        var partnerships = new PartnershipsService.PartnershipsServiceClient(fixture.Service.Channel);
        var programme = await programmes.RegisterProgrammeAsync(new ProgrammingApi.RegisterProgrammeRequest
        {
            CountryCode = "GHA", Title = "DWCP Ghana",
            PeriodStart = ProtoConvert.ToDate(new DateOnly(2010, 1, 1)), PeriodEnd = ProtoConvert.ToDate(new DateOnly(2011, 12, 31)),
        });
        var priority = (await programmes.AddPriorityAsync(new ProgrammingApi.AddPriorityRequest { ProgrammeId = programme.Id, Title = "Rights at work" })).Priorities[0];
        var outcome = (await programmes.AddOutcomeAsync(new ProgrammingApi.AddOutcomeRequest
        {
            ProgrammeId = programme.Id, PriorityId = priority.Id, Code = "GHA101", Statement = "Child labour reduced",
            StrategicObjective = ProgrammingApi.StrategicObjective.StandardsAndRights, ResourceNeed = ProtoConvert.ToMoney(1_000_000m),
        })).Priorities[0].Outcomes[0];
        // The approval as partnerships hears of it (the full approval lifecycle is programming's own tests').
        await fixture.Bus.Publish(new ProgrammeApproved(Guid.Parse(programme.Id), "GHA", "Africa", new DateOnly(2010, 2, 1),
            [new ProgrammeOutcome(Guid.Parse(outcome.Id), outcome.Code, outcome.Statement, 1, 1_000_000m)], DateTimeOffset.UtcNow));
        var partner = await partnerships.RegisterPartnerAsync(Requests.Partner("Norway"));
        await partnerships.RecordFundingApprovalAsync(new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, Year = 2010, Source = FundingSource.Rbsa, Amount = ProtoConvert.ToMoney(400_000m),
        });

        await Eventually.WhenKnown(() => partnerships.AllocateRbsaAsync(new AllocateRbsaRequest
        {
            BienniumStartYear = 2010, OutcomeId = outcome.Id, Amount = ProtoConvert.ToMoney(400_000m), Note = "Child labour gap",
        }).ResponseAsync, "the programme's outcomes to reach partnerships");

        var funded = await Eventually.Until(() => programmes.GetProgrammeAsync(new ProgrammingApi.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => ProtoConvert.ToDecimal(p.FundingMobilised) > 0, what: "the RBSA allocation to reach the programming service");
        var fundedOutcome = funded.Priorities[0].Outcomes[0];
        Assert.Equal((400_000m, 600_000m), (ProtoConvert.ToDecimal(fundedOutcome.FundingMobilised), ProtoConvert.ToDecimal(fundedOutcome.FundingGap)));
        Assert.Equal(600_000m, ProtoConvert.ToDecimal(funded.FundingGap));
    }
}
