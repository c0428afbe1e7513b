using System.Diagnostics;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using PartnershipsDomain = DecentWork.Partnerships.Domain;
using TrainingDomain = DecentWork.Training.Domain;

namespace DecentWork.Benchmarks.Writes;

/// <summary>
/// What the report projections cost a write, at the storage port where they run: the saves behind
/// RecordFundingApproval (a new approval) and ApplyForEdition (an edition with one more applicant),
/// each into two embedded stores that differ only in the projections registered — the service's
/// own (FundingApprovalTotals and ProgrammeFundingTotals; EditionTotals) and none — interleaved
/// round by round in one run. Indexes are the services' (copied from their composition roots, so
/// both sides pay the same index upkeep; keep them in step). Through the gateway a write costs far
/// more than its save (token checks, two HTTP/2 hops, validation), so the projections' share of
/// the gateway's throughput is at most their share here.
/// </summary>
internal sealed class ProjectionCostBenchmark(int rounds, int savesPerRound, string workFolder, TextWriter output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public async Task RunAsync()
    {
        output.WriteLine($"Projection cost per save, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {rounds} rounds x {savesPerRound} saves per side, interleaved");
        output.WriteLine("| save | projections | saves/s | p50 ms | p99 ms |");
        output.WriteLine("|---|---|---|---|---|");
        await CompareAsync("funding approval", ApprovalSaver);
        await CompareAsync("edition + 1 applicant", ApplicationSaver);
    }

    private async Task CompareAsync(string what, Func<LiteDbDatabase, bool, Task<Func<Task>>> saver)
    {
        var folder = Path.Combine(workFolder, $"projection-cost-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var withDb = new LiteDbDatabase(Path.Combine(folder, "with.db"));
            using var withoutDb = new LiteDbDatabase(Path.Combine(folder, "without.db"));
            var sides = new Dictionary<string, Func<Task>> { ["the service's"] = await saver(withDb, true), ["none"] = await saver(withoutDb, false) };
            var latencies = sides.Keys.ToDictionary(k => k, _ => new List<double>());
            var elapsed = sides.Keys.ToDictionary(k => k, _ => TimeSpan.Zero);
            for (var round = 0; round <= rounds; round++)
                foreach (var (side, save) in sides)
                {
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < savesPerRound; i++)
                    {
                        var one = Stopwatch.StartNew();
                        await save();
                        if (round > 0) latencies[side].Add(one.Elapsed.TotalMilliseconds);
                    }
                    if (round > 0) elapsed[side] += clock.Elapsed; // round 0 warms both up
                }
            var rates = new Dictionary<string, double>();
            foreach (var side in sides.Keys)
            {
                var sorted = latencies[side].Order().ToList();
                rates[side] = sorted.Count / elapsed[side].TotalSeconds;
                output.WriteLine($"| {what} | {side} | {rates[side]:F0} | {UnaryBenchmark.Percentile(sorted, 0.50):F3} | {UnaryBenchmark.Percentile(sorted, 0.99):F3} |");
            }
            output.WriteLine($"| {what} | **throughput with / without** | **{rates["the service's"] / rates["none"]:F2}** | | |");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Func<Task>> ApprovalSaver(LiteDbDatabase db, bool projected)
    {
        var approvals = await StoreAsync(db, "funding_approvals", projected ? [new PartnershipsDomain.FundingApprovalTotals(), new PartnershipsDomain.ProgrammeFundingTotals()] : [],
            new StoreIndex<PartnershipsDomain.FundingApproval>(a => a.PartnerId),
            new StoreIndex<PartnershipsDomain.FundingApproval>(a => a.ProgrammeId),
            new StoreIndex<PartnershipsDomain.FundingApproval>(a => a.Year),
            new StoreIndex<PartnershipsDomain.FundingApproval>(a => a.SortKey),
            new StoreIndex<PartnershipsDomain.FundingApproval>(a => a.RequestKey, Unique: true));
        var random = new Random(21);
        var partners = Enumerable.Range(1, 50).Select(i => PartnershipsDomain.Partner.Register($"Cost partner {i}", PartnershipsDomain.PartnerCategory.BilateralGovernment, Now)).ToList();
        var programmes = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToArray();
        return () => approvals.SaveAsync(PartnershipsDomain.FundingApproval.Record(
            partners[random.Next(partners.Count)], programmes[random.Next(programmes.Length)], random.Next(1_000, 5_000_000), random.Next(1995, 2026), Now));
    }

    /// <summary>One more applicant saved each time; a new edition every 200, as editions fill in real use.</summary>
    private static async Task<Func<Task>> ApplicationSaver(LiteDbDatabase db, bool projected)
    {
        var editions = await StoreAsync(db, "editions", projected ? [new TrainingDomain.EditionTotals()] : [],
            new StoreIndex<TrainingDomain.Edition>(e => e.CourseId),
            new StoreIndex<TrainingDomain.Edition>(e => e.ListKey, Unique: true),
            new StoreIndex<TrainingDomain.Edition>(e => e.StartYear));
        var course = Guid.NewGuid();
        TrainingDomain.Edition? edition = null;
        var applicants = 0;
        return async () =>
        {
            if (edition is null || applicants % 200 == 0)
            {
                var start = new DateOnly(2060, 1, 1).AddDays(applicants / 200);
                edition = TrainingDomain.Edition.Schedule(course, new TrainingDomain.EditionPlan(
                    start, start.AddDays(4), "Turin", TrainingDomain.DeliveryMode.TurinCampus, 5_000, 0, "USD", start.AddDays(-7)));
                edition.MoveTo(TrainingDomain.EditionStatus.Open);
            }
            edition.Apply(new TrainingDomain.Participant($"Applicant {applicants}", TrainingDomain.Sex.Female, "ZMB",
                TrainingDomain.ConstituentGroup.Workers, "ZCTU", ""), Now);
            applicants++;
            await editions.SaveAsync(edition);
        };
    }

    private static async Task<LiteDbAggregateStore<T>> StoreAsync<T>(LiteDbDatabase db, string collection, Projection<T>[] projections, params StoreIndex<T>[] indexes)
        where T : Aggregate
    {
        var store = new LiteDbAggregateStore<T>(db, collection, indexes, new OutboxSignal(), projections);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
