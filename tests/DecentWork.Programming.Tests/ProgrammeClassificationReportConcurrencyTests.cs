using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Writers register programmes with one outcome each and classify it while readers read the
/// policy-marker and SDG reports from their buckets: every answer adds up with itself (the scored
/// and unscored rows of a marker make its outcome count; goal 8 and "no goal" make the SDG
/// report's), no outcome counted twice or more than written, and exact once the writers are done.
/// </summary>
public class ProgrammeClassificationReportConcurrencyTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private const string Country = "GEO";
    private const int Writers = 4;
    private const int ProgrammesPerWriter = 6;
    private const decimal NeedPerOutcome = 1_000_000m;
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task ReportOutcomesByPolicyMarkerAndBySdgGoal_WhenOutcomesAreClassifiedWhileTheyAreRead_NeverCountTwiceOrLoseOne()
    {
        var lifecycle = new LifecycleClient(fixture.Service);
        var started = 0;
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < ProgrammesPerWriter; i++)
            {
                Interlocked.Increment(ref started);
                var programme = await lifecycle.WithOutcomeAsync(Country);
                await _client.ClassifyOutcomeAsync(new ClassifyOutcomeRequest
                {
                    ProgrammeId = programme.Id, OutcomeId = programme.Priorities[0].Outcomes[0].Id,
                    Classification = new Classification { PolicyMarkers = { new PolicyMarkerScore { Code = "1", Significance = "2" } }, SdgGoals = { "8" } },
                });
            }
        })).ToList();
        var reads = 0;
        var allWritten = Task.WhenAll(writers);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!allWritten.IsCompleted)
            {
                await ReadAsync(() => Volatile.Read(ref started));
                Interlocked.Increment(ref reads);
            }
        })).ToList();
        await allWritten;
        await Task.WhenAll(readers);

        var written = Writers * ProgrammesPerWriter;
        var (byMarker, byGoal) = await ReadAsync(() => written);
        Assert.Equal(written, byMarker.OutcomeCount);
        Assert.Equal([("1", "2", written), ("1", "", 0), ("11", "", written)], byMarker.Rows.Select(r => (r.PolicyMarker, r.Significance, r.OutcomeCount)));
        Assert.Equal([("8", written)], byGoal.Rows.Select(r => (r.SdgGoal, r.OutcomeCount)));
        Assert.Equal(0, byGoal.OutcomesWithoutGoal);
        Assert.True(reads > 0, "the readers read while the writers wrote");
    }

    // Each answer agrees with itself and never counts more outcomes than were started.
    private async Task<(ReportOutcomesByPolicyMarkerResponse, ReportOutcomesBySdgGoalResponse)> ReadAsync(Func<int> startedAtMost)
    {
        var byMarker = await _client.ReportOutcomesByPolicyMarkerAsync(new ReportOutcomesByPolicyMarkerRequest { Country = Country });
        Assert.InRange(byMarker.OutcomeCount, 0, startedAtMost());
        foreach (var marker in byMarker.Rows.GroupBy(r => r.PolicyMarker))
            Assert.Equal(byMarker.OutcomeCount, marker.Sum(r => r.OutcomeCount));
        foreach (var row in byMarker.Rows)
            Assert.Equal(row.OutcomeCount * NeedPerOutcome, ProtoConvert.ToDecimal(row.ResourceNeed));

        var byGoal = await _client.ReportOutcomesBySdgGoalAsync(new ReportOutcomesBySdgGoalRequest { Country = Country });
        Assert.InRange(byGoal.OutcomeCount, 0, startedAtMost());
        Assert.Equal(byGoal.OutcomeCount, byGoal.OutcomesWithoutGoal + byGoal.Rows.Where(r => r.SdgGoal == "8").Sum(r => r.OutcomeCount));
        Assert.All(byGoal.Rows, row => Assert.Equal(row.OutcomeCount * NeedPerOutcome, ProtoConvert.ToDecimal(row.ResourceNeed)));
        return (byMarker, byGoal);
    }
}
