using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;

namespace DecentWork.Programming.Tests;

/// <summary>The joined reports' buckets: contributions filed under their programme's group, moving whole when it changes.</summary>
public sealed class FundingByGroupTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Change Officer = new("officer-1", "Country officer", Now);
    private static readonly Change Funder = new("system:partnerships", "partnerships (Netherlands)", Now);

    private readonly FundingStores _stores = new([new ProgrammeNeedByGroupProjection()], [new FundingByGroupProjection()]);
    private readonly LiteDbAggregateStore<Programme> _programmes;
    private readonly LiteDbAggregateStore<FundingContribution> _contributions;
    private readonly LiteDbProjectionReader _buckets;

    public FundingByGroupTests() => (_programmes, _contributions, _buckets) = (_stores.Programmes, _stores.Contributions, _stores.Buckets);

    public void Dispose() => _stores.Dispose();

    private async Task<IReadOnlyList<StrategicObjectiveRow>> ByObjectiveAsync() => StrategicObjectiveFundingReport.From(
        await _buckets.ReadAsync(ProgrammeNeedByGroupProjection.ProjectionName, BucketRange.Prefix("")),
        await _buckets.ReadAsync(FundingByGroupProjection.ProjectionName, BucketRange.Prefix("")));

    private async Task<FundingGapsReport> GapsAsync(ProgrammeStatus status) => FundingGapsReport.From(
        await _buckets.ReadAsync(ProgrammeNeedByGroupProjection.ProjectionName, BucketRange.Prefix("")),
        await _buckets.ReadAsync(FundingByGroupProjection.ProjectionName, BucketRange.Prefix("")), status);

    [Fact]
    public async Task FileUnder_WhenTheOutcomeMovesAndAnOlderReadComesLate_CountsTheMoneyOnceUnderTheNewestFiling()
    {
        var programme = Programme.Register(Countries.ByCode["TZA"], "DWCP", new(2008, 1, 1), new(2011, 12, 31), Officer);
        var priority = programme.AddPriority("Jobs", Officer);
        var outcome = programme.AddOutcome(priority.Id, "TZA101", "More jobs", StrategicObjective.Employment, 900_000m, Officer);
        var other = programme.AddOutcome(priority.Id, "TZA102", "Safer work", StrategicObjective.SocialProtection, 100_000m, Officer);
        await _programmes.SaveAsync(programme);
        var asFirstRead = await _programmes.FindAsync(programme.Id);
        var contribution = FundingContribution.Record(Guid.NewGuid(), programme.Id, 700m,
            new Dictionary<Guid, decimal> { [outcome.Id] = 400m, [other.Id] = 200m, [Guid.NewGuid()] = 50m }, Funder);
        Assert.True(contribution.FileUnder(asFirstRead!));
        await _contributions.SaveAsync(contribution);

        var rows = await ByObjectiveAsync();
        Assert.Equal([400m, 200m], rows.Where(r => r.OutcomeCount > 0).Select(r => r.FundingMobilisedUsd));
        Assert.Equal((1, 1_000_000m, 700m), ToTuple(await GapsAsync(0)));

        programme.ChangeOutcome(outcome.Id, "TZA101", "More jobs", StrategicObjective.SocialDialogue, 900_000m, Officer);
        programme.WithdrawOutcome(other.Id, Officer);
        await _programmes.SaveAsync(programme);
        Assert.True(contribution.FileUnder(programme));
        await _contributions.SaveAsync(contribution);
        // A re-filing from the read before the change arrives last: it changes nothing.
        Assert.False(contribution.FileUnder(asFirstRead!));

        rows = await ByObjectiveAsync();
        Assert.Equal([0m, 0m, 0m, 400m], rows.Select(r => r.FundingMobilisedUsd));
        Assert.Equal([0, 0, 0, 1], rows.Select(r => r.OutcomeCount));
        Assert.Equal((1, 900_000m, 700m), ToTuple(await GapsAsync(0)));
        Assert.Equal(0, (await GapsAsync(ProgrammeStatus.Approved)).ProgrammeCount);
    }

    [Fact]
    public void FilingOf_WhenOnlyTheTitleOrNeedChanges_StaysTheSame()
    {
        var programme = Programme.Register(Countries.ByCode["KEN"], "DWCP", new(2008, 1, 1), new(2011, 12, 31), Officer);
        var priority = programme.AddPriority("Jobs", Officer);
        var outcome = programme.AddOutcome(priority.Id, "KEN101", "More jobs", StrategicObjective.Employment, 900_000m, Officer);
        var before = FundingContribution.FilingOf(programme);

        programme.ChangeOutcome(outcome.Id, "KEN1", "More decent jobs", StrategicObjective.Employment, 5m, Officer);
        Assert.Equal(before, FundingContribution.FilingOf(programme));

        programme.ChangeOutcome(outcome.Id, "KEN1", "More decent jobs", StrategicObjective.SocialDialogue, 5m, Officer);
        Assert.NotEqual(before, FundingContribution.FilingOf(programme));
    }

    private static (int, decimal, decimal) ToTuple(FundingGapsReport report) => (report.ProgrammeCount, report.ResourceNeedUsd, report.FundingMobilisedUsd);
}
