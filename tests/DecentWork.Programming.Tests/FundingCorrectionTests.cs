using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Programming.Consumers;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Amendments and cancellations of approvals applied to the money mobilised, on real stores, in
/// every order the bus may deliver them: the result is always what the latest revision says.
/// </summary>
public sealed class FundingCorrectionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Change Officer = new("officer-1", "Country officer", Now);
    private static readonly Change Funder = new("system:partnerships", Now);

    private readonly FundingStores _stores = new([], [new FundingByProgramme()]);
    private readonly LiteDbAggregateStore<Programme> _programmes;
    private readonly LiteDbAggregateStore<FundingContribution> _contributions;
    private readonly LiteDbProjectionReader _buckets;

    public FundingCorrectionTests() => (_programmes, _contributions, _buckets) = (_stores.Programmes, _stores.Contributions, _stores.Buckets);

    public void Dispose() => _stores.Dispose();

    private async Task<(Guid Programme, Guid Outcome)> ProgrammeAsync()
    {
        var programme = Programme.Register(Countries.ByCode["ZMB"], "DWCP", new(2008, 1, 1), new(2011, 12, 31), Officer);
        var outcome = programme.AddOutcome(programme.AddPriority("Jobs", Officer).Id, "ZMB101", "Jobs", StrategicObjective.Employment, 900_000m, Officer);
        await _programmes.SaveAsync(programme);
        return (programme.Id, outcome.Id);
    }

    private async Task<ProgrammeFunding> FundingOfAsync(Guid programmeId) => ProgrammeFunding.From(
        await _buckets.ReadAsync(FundingByProgramme.ProjectionName, BucketRange.Prefix(ProgrammeFunding.KeyOf(programmeId))));

    private async Task ApproveAsync(Guid approval, Guid programme, decimal amount, Guid outcome) =>
        await _contributions.AddOnceAsync(FundingContribution.Record(approval, programme, amount, new Dictionary<Guid, decimal> { [outcome] = amount }, Funder),
            new ProcessedMessage("test", Guid.NewGuid()), CancellationToken.None);

    private Task ApplyAsync(Guid approval, int revision, IEnumerable<FundingCorrection> corrections) =>
        Task.WhenAll(corrections.Select(c => new FundingCorrections(_programmes, _contributions, NullLogger.Instance).ApplyAsync(
            "test", Guid.NewGuid(), approval, revision, c, "corrected", Funder, Guid.NewGuid(), "Norway", new DateOnly(2007, 1, 1), CancellationToken.None)));

    private static FundingApprovalAmended Amended(Guid approval, int revision, decimal amount, Guid programme, Guid outcome, params Guid[] before) =>
        new(approval, Guid.NewGuid(), "Norway", Guid.Empty, amount, 2007, revision,
            [new FundingAllocation(null, null, programme, outcome, null, amount)], before, "corrected", Now);

    [Fact]
    public async Task ApplyAsync_WhenAnAmendmentFollowsTheApproval_CountsTheNewAmountForProgrammeAndOutcome()
    {
        var (programme, outcome) = await ProgrammeAsync();
        var approval = Guid.NewGuid();
        await ApproveAsync(approval, programme, 1_000m, outcome);

        await ApplyAsync(approval, 2, FundingCorrection.Of(Amended(approval, 2, 1_250m, programme, outcome, programme)));

        var funding = await FundingOfAsync(programme);
        Assert.Equal((1_250m, 1, 1_250m), (funding.MobilisedUsd, funding.ApprovalCount, funding.MobilisedFor(outcome)));
    }

    [Fact]
    public async Task ApplyAsync_WhenEventsArriveInReverseOrder_EndsAsTheLatestRevisionSays()
    {
        var (a, outcomeA) = await ProgrammeAsync();
        var (b, outcomeB) = await ProgrammeAsync();
        var approval = Guid.NewGuid();
        // Revision 1 funds A; revision 2 moves it to B; revision 3 cancels it. Delivered 3, 2, 1.
        var cancelled = new FundingApprovalCancelled(approval, Guid.NewGuid(), "Norway", Guid.Empty, 3, [b], "never signed", Now);

        await ApplyAsync(approval, 3, FundingCorrection.Of(cancelled));
        await ApplyAsync(approval, 2, FundingCorrection.Of(Amended(approval, 2, 500m, b, outcomeB, a)));
        await ApproveAsync(approval, a, 1_000m, outcomeA);

        Assert.Equal((0m, 0), ((await FundingOfAsync(a)).MobilisedUsd, (await FundingOfAsync(a)).ApprovalCount));
        Assert.Equal((0m, 0), ((await FundingOfAsync(b)).MobilisedUsd, (await FundingOfAsync(b)).ApprovalCount));
    }

    [Fact]
    public async Task ApplyAsync_WhenAnOlderOrRepeatedRevisionArrives_ChangesNothing()
    {
        var (programme, outcome) = await ProgrammeAsync();
        var approval = Guid.NewGuid();
        await ApproveAsync(approval, programme, 1_000m, outcome);
        await ApplyAsync(approval, 3, FundingCorrection.Of(Amended(approval, 3, 700m, programme, outcome, programme)));

        await ApplyAsync(approval, 2, FundingCorrection.Of(Amended(approval, 2, 9_000m, programme, outcome, programme)));
        await ApplyAsync(approval, 3, FundingCorrection.Of(Amended(approval, 3, 9_000m, programme, outcome, programme)));

        Assert.Equal(700m, (await FundingOfAsync(programme)).MobilisedUsd);
    }

    [Fact]
    public void Of_WhenAnAmendmentDropsAProgramme_GivesItNothing()
    {
        var (a, b, outcome, approval) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var corrections = FundingCorrection.Of(Amended(approval, 2, 400m, a, outcome, a, b));

        Assert.Equal([(a, 400m), (b, 0m)], corrections.Select(c => (c.ProgrammeId, c.AmountUsd)));
        Assert.Equal(400m, corrections[0].ToOutcomes[outcome]);
    }

    [Fact]
    public void Revise_WhenNewer_ReplacesTheAmountAndNamesTheRevisionInTheHistory()
    {
        var contribution = FundingContribution.Record(Guid.NewGuid(), Guid.NewGuid(), 1_000m, new Dictionary<Guid, decimal>(), Funder);

        Assert.True(contribution.Revise(2, 0m, new Dictionary<Guid, decimal>(), "cancelled: duplicate", Funder));
        Assert.False(contribution.Revise(2, 5m, new Dictionary<Guid, decimal>(), "again", Funder));

        Assert.False(contribution.CountsAsFunding());
        Assert.Contains("revision 2: cancelled: duplicate", contribution.ToHistoryEntry().Detail);
    }
}
