using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;

namespace DecentWork.Programming.Tests;

/// <summary>Money mobilised, kept beside the programme: one record per approval, summed in buckets per programme and outcome.</summary>
public sealed class ProgrammeFundingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Change Funder = new("system:partnerships", "partnerships for Approvals officer (hq-17) (Netherlands)", Now);
    private static readonly Change Officer = new("officer-1", "Country officer", Now);
    private static readonly Dictionary<Guid, decimal> NoOutcomes = [];

    private readonly FundingStores _stores = new([new FundingCountedInProgramme()], [new FundingByProgramme()]);
    private readonly LiteDbAggregateStore<Programme> _programmes;
    private readonly LiteDbAggregateStore<FundingContribution> _contributions;
    private readonly LiteDbProjectionReader _buckets;

    public ProgrammeFundingTests() => (_programmes, _contributions, _buckets) = (_stores.Programmes, _stores.Contributions, _stores.Buckets);

    public void Dispose() => _stores.Dispose();

    private static Programme WithOutcome(out Outcome outcome)
    {
        var programme = Programme.Register(Countries.ByCode["TZA"], "DWCP", new(2008, 1, 1), new(2011, 12, 31), Officer);
        var priority = programme.AddPriority("Jobs", Officer);
        outcome = programme.AddOutcome(priority.Id, "TZA101", "More jobs", StrategicObjective.Employment, 900_000m, Officer);
        return programme;
    }

    private async Task<ProgrammeFunding> FundingOfAsync(Guid programmeId) => ProgrammeFunding.From(
        (await _buckets.ReadAsync(FundingByProgramme.ProjectionName, BucketRange.Prefix(ProgrammeFunding.KeyOf(programmeId))))
        .Concat(await _buckets.ReadAsync(FundingCountedInProgramme.ProjectionName, BucketRange.Prefix(ProgrammeFunding.KeyOf(programmeId)))));

    [Fact]
    public void IdFor_WhenTheSameApprovalArrivesTwice_IsTheSameIdSoTheStoreKeepsOne()
    {
        var approval = Guid.NewGuid();
        var programme = Guid.NewGuid();

        Assert.Equal(FundingContribution.IdFor(approval, programme), FundingContribution.Record(approval, programme, 5m, NoOutcomes, Funder).Id);
        Assert.NotEqual(FundingContribution.IdFor(approval, programme), FundingContribution.IdFor(approval, Guid.NewGuid()));
        Assert.NotEqual(FundingContribution.IdFor(approval, programme), FundingContribution.IdFor(Guid.NewGuid(), programme));
    }

    [Fact]
    public void Record_WhenAmountIsNotPositive_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => FundingContribution.Record(Guid.NewGuid(), Guid.NewGuid(), -5m, NoOutcomes, Funder));

    [Fact]
    public async Task Save_WithOutcomeAllocations_CountsPerOutcomeAndTheGapInTheSameTransaction()
    {
        var programme = WithOutcome(out var outcome);
        var first = FundingContribution.Record(Guid.NewGuid(), programme.Id, 1_000_000m,
            new Dictionary<Guid, decimal> { [outcome.Id] = 400_000m, [Guid.NewGuid()] = 1m }, Funder);
        var message = new ProcessedMessage("test", Guid.NewGuid());

        Assert.True(await _contributions.AddOnceAsync(first, message, CancellationToken.None));
        Assert.True(await _contributions.AddOnceAsync(FundingContribution.Record(Guid.NewGuid(), programme.Id, 0.25m,
            new Dictionary<Guid, decimal> { [outcome.Id] = 0.25m }, Funder), new ProcessedMessage("test", Guid.NewGuid()), CancellationToken.None));
        // The same approval again, under a new message id (an outbox replay): the record's id is taken.
        Assert.False(await _contributions.AddOnceAsync(FundingContribution.Record(first.ApprovalId, programme.Id, 1_000_000m, NoOutcomes, Funder),
            new ProcessedMessage("test", Guid.NewGuid()), CancellationToken.None));

        var funding = await FundingOfAsync(programme.Id);
        Assert.Equal(1_000_000.25m, funding.MobilisedUsd);
        Assert.Equal(2, funding.ApprovalCount);
        Assert.Equal(400_000.25m, funding.MobilisedFor(outcome.Id));
        Assert.Equal(0m, funding.MobilisedFor(Guid.NewGuid()));
        Assert.Equal(-100_000.25m, funding.GapOf(programme));
        var other = await FundingOfAsync(Guid.NewGuid());
        Assert.Equal((0m, 0), (other.MobilisedUsd, other.ApprovalCount));
    }

    [Fact]
    public async Task Save_WhenTheProgrammeCountedApprovalsInItsOwnDocument_StillCountsThem()
    {
        // As a programme stored before approvals had records of their own holds them.
        var programme = WithOutcome(out var outcome);
        programme.FundingApprovalIds.Add(Guid.NewGuid());
        typeof(Programme).GetProperty(nameof(Programme.FundingMobilisedUsd))!.SetValue(programme, 700m);
        outcome.FundingMobilisedUsd = 300m;
        await _programmes.SaveAsync(programme);
        await _contributions.AddOnceAsync(FundingContribution.Record(Guid.NewGuid(), programme.Id, 5m, NoOutcomes, Funder),
            new ProcessedMessage("test", Guid.NewGuid()), CancellationToken.None);

        programme.AddPriority("A later change", Officer); // changes nothing already counted
        await _programmes.SaveAsync(programme);

        var funding = await FundingOfAsync(programme.Id);
        Assert.Equal(705m, funding.MobilisedUsd);
        Assert.Equal(2, funding.ApprovalCount);
        Assert.Equal(300m, funding.MobilisedFor(outcome.Id));
    }

    [Fact]
    public void ToHistoryEntry_ShowsTheApprovalAsTheProgrammesHistoryDid()
    {
        var approval = Guid.NewGuid();
        var entry = FundingContribution.Record(approval, Guid.NewGuid(), 900_000m, NoOutcomes, Funder).ToHistoryEntry();

        Assert.Equal("FundingRecorded", entry.Action);
        Assert.Equal($"approval {approval}: USD 900000", entry.Detail);
        Assert.Equal("system:partnerships", entry.ChangedBySubject);
        Assert.Equal("partnerships for Approvals officer (hq-17) (Netherlands)", entry.ChangedByName);
        Assert.Equal(Now, entry.ChangedAt);
    }
}
