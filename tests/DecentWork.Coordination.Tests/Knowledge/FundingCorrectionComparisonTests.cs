using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Events.Programming;
using DecentWork.Coordination.Domain.Knowledge;
using RegionComparisonRow = DecentWork.Contracts.Coordination.V1.RegionComparisonRow;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Coordination.Tests.Knowledge.KnowledgeClients;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>The region comparison's funding follows partnerships' amendments and cancellations, in any arrival order.</summary>
public class FundingCorrectionComparisonTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private static readonly DateTimeOffset At = new(2008, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly KnowledgeService.KnowledgeServiceClient _staff = For(fixture, TestCaller.ProgrammeStaff);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private static FundingApproved Approved(Guid id, decimal amount, string country = "BWA") =>
        new(id, Guid.NewGuid(), "Donor", Guid.Empty, amount, 2008, At, [new("Africa", country, null, null, 2, amount)]);

    private static FundingApprovalAmended Amended(Guid id, int revision, decimal amount, string country = "BWA") =>
        new(id, Guid.NewGuid(), "Donor", Guid.Empty, amount, 2008, revision, [new("Africa", country, null, null, 2, amount)], [], "Revised", At);

    private static FundingApprovalCancelled Cancelled(Guid id, int revision) => new(id, Guid.NewGuid(), "Donor", Guid.Empty, revision, [], "Recorded twice", At);

    [Fact]
    public void KnownFunding_WhenCorrectionsArriveOutOfOrder_EndsAtTheLatestRevision()
    {
        var id = Guid.NewGuid();
        var funding = KnownFunding.FromAmendment(Amended(id, 3, 40m), _ => null);

        Assert.False(funding.Amend(Amended(id, 2, 500m), _ => null));
        Assert.Equal([("BWA", 40m)], funding.Shares.Select(s => (s.CountryCode, s.AmountUsd)));
        Assert.True(funding.Cancel(Cancelled(id, 4)));
        Assert.False(funding.Amend(Amended(id, 5, 1m), _ => null));
        Assert.Empty(funding.Shares);
    }

    [Fact]
    public void KnownFunding_WhenAmendedAfterTheApproval_TakesTheNewShares()
    {
        var id = Guid.NewGuid();
        var funding = KnownFunding.From(Approved(id, 100m), _ => null);

        Assert.True(funding.Amend(Amended(id, 2, 70m, "ZAF"), _ => null));
        Assert.False(funding.Amend(Amended(id, 2, 999m), _ => null));
        Assert.Equal([("ZAF", 70m)], funding.Shares.Select(s => (s.CountryCode, s.AmountUsd)));
    }

    [Fact]
    public async Task ReportRegionComparison_WhenApprovalsAreAmendedAndCancelled_FollowsTheCorrections()
    {
        await Bus.Publish(new ProgrammeApproved(Guid.NewGuid(), "BWA", "Africa", new DateOnly(2008, 1, 1),
            [new ProgrammeOutcome(Guid.NewGuid(), "1", "Youth employment", 2, 1_000_000m)], At));
        var before = await FundedAsync(r => r is not null);
        var (amended, cancelled, early) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await Bus.Publish(Approved(amended, 100_000m));
        await Bus.Publish(Approved(cancelled, 50_000m));
        await FundedAsync(r => Funded(r) == before + 150_000m);
        await Bus.Publish(Amended(amended, 2, 70_000m));
        await Bus.Publish(Cancelled(cancelled, 2));
        await FundedAsync(r => Funded(r) == before + 70_000m);
        // The latest correction first, then the approval and the older correction.
        await Bus.Publish(Amended(early, 3, 40_000m));
        await FundedAsync(r => Funded(r) == before + 110_000m);
        await Bus.Publish(Approved(early, 999_000m));
        await Bus.Publish(Amended(early, 2, 500_000m));

        // Two more after the late ones, on the same queues: once they count, the late ones have most likely been
        // handled too, and they must not have moved the total (a late approval is added once, an older revision ignored).
        await Bus.Publish(Approved(Guid.NewGuid(), 1m));
        await Bus.Publish(Amended(Guid.NewGuid(), 2, 2m));
        var settled = await FundedAsync(r => Funded(r) >= before + 110_003m);
        Assert.Equal(before + 110_003m, settled);
    }

    private static decimal Funded(RegionComparisonRow? row) => row is null ? 0m : ProtoConvert.ToDecimal(row.FundingApproved);

    private async Task<decimal> FundedAsync(Func<RegionComparisonRow?, bool> done) => Funded(await Eventually.Until(async () =>
            (await _staff.ReportRegionComparisonAsync(new ReportRegionComparisonRequest { Region = Region.Africa })).Rows.SingleOrDefault(r => r.CountryCode == "BWA"),
        done, what: "Botswana's funding in the comparison"));
}
