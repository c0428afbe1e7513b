using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// Programming's ProgrammeRegistered, ProgrammeApproved and ProgrammeOutcomeChanged, published through
/// this service's own bus on their separate queues: redelivered, republished and out of order.
/// </summary>
public class ProgrammeViewConsumerTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private static ProgrammeApproved Approval(ProgrammeRegistered registered, DateTimeOffset at, params ProgrammeOutcome[] outcomes) =>
        new(registered.ProgrammeId, registered.CountryCode, "Africa", new DateOnly(2008, 3, 1), outcomes, at);

    private Task<ProgrammeNeeds> View(Guid programmeId, Func<ProgrammeNeeds?, bool> done, string what) =>
        Eventually.Until(() => fixture.Programmes.FindAsync(programmeId), done, what: what)!;

    [Fact]
    public async Task ProgrammeRegistered_WhenDeliveredTwiceAndRepublished_IsKnownOnceAndAwaitsApproval()
    {
        var registered = PartnershipsFixture.Registered("MWI");
        var messageId = Guid.NewGuid();
        await fixture.Bus.Publish(registered, ctx => ctx.MessageId = messageId);
        await fixture.Bus.Publish(registered, ctx => ctx.MessageId = messageId);
        await fixture.Bus.Publish(registered); // the same fact under a new message id, as an outbox replay sends it
        await View(registered.ProgrammeId, v => v is not null, "the registration");
        // A later registration marks when the three before it were consumed (one queue, one consumer, in order).
        var marker = PartnershipsFixture.Registered("MWI");
        await fixture.Bus.Publish(marker);
        await View(marker.ProgrammeId, v => v is not null, "the marker registration");

        var view = await fixture.Programmes.FindAsync(registered.ProgrammeId);
        Assert.Equal((1L, "MWI", true, 0), (view!.Version, view.CountryCode, view.AwaitingApproval, view.Outcomes.Count));
    }

    [Fact]
    public async Task ProgrammeApproved_WhenItArrivesBeforeTheRegistration_KnowsTheOutcomesAndTheRegistrationChangesNothing()
    {
        var registered = PartnershipsFixture.Registered("NAM");
        var jobs = PartnershipsFixture.Outcome("NAM 101", 2_000_000m);
        await fixture.Bus.Publish(Approval(registered, DateTimeOffset.UtcNow, jobs));
        var approved = await View(registered.ProgrammeId, v => v is not null, "the approval");
        Assert.Equal((false, 2_000_000m), (approved.AwaitingApproval, approved.ResourceNeed()));

        await fixture.Bus.Publish(registered);
        var marker = PartnershipsFixture.Registered("NAM");
        await fixture.Bus.Publish(marker);
        await View(marker.ProgrammeId, v => v is not null, "the marker registration");

        var view = await fixture.Programmes.FindAsync(registered.ProgrammeId);
        Assert.Equal((approved.Version, false), (view!.Version, view.AwaitingApproval));
        Assert.Equal([jobs.OutcomeId], view.Outcomes.Select(o => o.OutcomeId));
        var request = new RecordFundingApprovalRequest
        {
            PartnerId = (await _client.RegisterPartnerAsync(Requests.Partner())).Id, Year = 2008, Amount = ProtoConvert.ToMoney(7m),
            Allocations = { new FundingAllocation { ProgrammeId = registered.ProgrammeId.ToString(), OutcomeId = jobs.OutcomeId.ToString(), Amount = ProtoConvert.ToMoney(7m) } },
        };
        Assert.Equal(jobs.OutcomeId.ToString(), (await _client.RecordFundingApprovalAsync(request)).Allocations.Single().OutcomeId);
    }

    [Fact]
    public async Task ProgrammeApproved_WhenRedelivered_IsAppliedOnce()
    {
        var registered = PartnershipsFixture.Registered("BWA");
        await fixture.Bus.Publish(registered);
        await View(registered.ProgrammeId, v => v is not null, "the registration");
        var approval = Approval(registered, DateTimeOffset.UtcNow, PartnershipsFixture.Outcome("BWA 101"), PartnershipsFixture.Outcome("BWA 102"));
        var messageId = Guid.NewGuid();
        await fixture.Bus.Publish(approval, ctx => ctx.MessageId = messageId);
        await fixture.Bus.Publish(approval, ctx => ctx.MessageId = messageId);
        await fixture.Bus.Publish(approval);
        var marker = PartnershipsFixture.Registered("BWA");
        await fixture.Bus.Publish(Approval(marker, DateTimeOffset.UtcNow));
        await View(marker.ProgrammeId, v => v is not null, "the marker approval");

        var view = await fixture.Programmes.FindAsync(registered.ProgrammeId);
        Assert.Equal((2L, false), (view!.Version, view.AwaitingApproval));
        Assert.Equal(["BWA 101", "BWA 102"], view.Current().Select(o => o.Code));
    }

    [Fact]
    public async Task ProgrammeOutcomeChanged_WhenItOvertakesTheApproval_KeepsTheLaterWithdrawal()
    {
        var registered = PartnershipsFixture.Registered("LSO");
        var jobs = PartnershipsFixture.Outcome("LSO 101");
        var rights = PartnershipsFixture.Outcome("LSO 102");
        var approvedAt = DateTimeOffset.UtcNow;
        // The withdrawal arrives first: retried until the programme is known, then applied.
        await fixture.Bus.Publish(new ProgrammeOutcomeChanged(registered.ProgrammeId, rights, Withdrawn: true, approvedAt.AddDays(1), "LSO"));
        await fixture.Bus.Publish(registered);
        await View(registered.ProgrammeId, v => v is not null && v.Outcomes.Count == 1, "the withdrawal after the registration");
        await fixture.Bus.Publish(Approval(registered, approvedAt, jobs, rights));

        var view = await View(registered.ProgrammeId, v => v is { AwaitingApproval: false }, "the approval");
        Assert.Equal([("LSO 101", false), ("LSO 102", true)], view.Outcomes.OrderBy(o => o.Code).Select(o => (o.Code, o.Withdrawn)));
        Assert.Equal(["LSO 101"], view.Current().Select(o => o.Code));
    }
}
