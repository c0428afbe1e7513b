using DecentWork.Contracts.Partnerships.V1;
using DecentWork.Programming;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// RecordFundingApproval's event goes outbox → relay → RabbitMQ → the programming service's real
/// consumer, which is started next to this service on the same virtual host.
/// </summary>
public class FundingApprovedDeliveryTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    [Fact]
    public async Task RecordFundingApproval_WhenStored_IsCountedByTheProgrammingService()
    {
        // Started first so its queue is bound before anything is published.
        await using var programming = await ServiceInstance.StartAsync(ProgrammingApp.ServiceName, ProgrammingApp.Build,
            new Dictionary<string, string> { ["RABBITMQ_URI"] = fixture.RabbitUri });
        var programmes = new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(programming.Channel);
        var partnerships = new PartnershipsService.PartnershipsServiceClient(fixture.Service.Channel);
        var programme = await programmes.RegisterProgrammeAsync(new ProgrammingApi.RegisterProgrammeRequest
        {
            CountryCode = "KHM",
            Title = "DWCP Cambodia",
            PeriodStart = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)),
            PeriodEnd = ProtoConvert.ToDate(new DateOnly(2010, 12, 31)),
        });
        var partner = await partnerships.RegisterPartnerAsync(Requests.Partner("Government of Japan"));

        // The registration reaches partnerships as ProgrammeRegistered within moments; until then the
        // programme is unknown here (FAILED_PRECONDITION), so the first approval is retried.
        await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programme.Id, 3_000_000.75m, 2008)).ResponseAsync,
            "the programme's registration to reach partnerships");
        await partnerships.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programme.Id, 999_999.25m, 2009));

        var funded = await Eventually.Until(
            () => programmes.GetProgrammeAsync(new ProgrammingApi.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 2, what: "both approvals to reach the programming service");
        Assert.Equal(4_000_000m, ProtoConvert.ToDecimal(funded.FundingMobilised));
    }
}
