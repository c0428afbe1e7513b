using System.Diagnostics;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using Grpc.Net.Client;

namespace DecentWork.Benchmarks;

/// <summary>
/// Unary GetProgramme calls direct to the programming service and through the gateway, measured in
/// the same run and interleaved round by round, so machine noise hits both sides alike and the
/// gateway/direct ratio is meaningful even where absolute numbers are not.
/// </summary>
public sealed class UnaryBenchmark(UnaryBenchmark.Options options, DecentWork.DemoData.DemoCallers callers, TextWriter output)
{
    public sealed record Options(Uri Direct, Uri Gateway, int Rounds, TimeSpan RoundDuration, int[] Concurrency);

    internal sealed record Result(int Calls, TimeSpan Elapsed, List<double> LatenciesMs);

    public async Task RunAsync()
    {
        // Both paths carry the same client's token: the service validates it, through the gateway twice.
        var direct = callers.ChannelFor(DecentWork.DemoData.DemoCallers.Loader, options.Direct);
        var gateway = callers.ChannelFor(DecentWork.DemoData.DemoCallers.Loader, options.Gateway);
        var id = await SeedAsync(new ProgrammingService.ProgrammingServiceClient(direct));
        output.WriteLine($"GetProgramme {id}: {options.Rounds} rounds x {options.RoundDuration.TotalSeconds}s per side, interleaved");
        output.WriteLine("| concurrency | path | requests/s | p50 ms | p99 ms |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var concurrency in options.Concurrency)
        {
            var results = new Dictionary<string, List<Result>> { ["direct"] = [], ["gateway"] = [] };
            await MeasureAsync(direct, id, concurrency, TimeSpan.FromSeconds(1)); // warm-up both paths
            await MeasureAsync(gateway, id, concurrency, TimeSpan.FromSeconds(1));
            for (var round = 0; round < options.Rounds; round++)
            {
                results["direct"].Add(await MeasureAsync(direct, id, concurrency, options.RoundDuration));
                results["gateway"].Add(await MeasureAsync(gateway, id, concurrency, options.RoundDuration));
            }
            var rates = new Dictionary<string, double>();
            foreach (var (path, rounds) in results)
            {
                var latencies = rounds.SelectMany(r => r.LatenciesMs).Order().ToList();
                rates[path] = rounds.Sum(r => r.Calls) / rounds.Sum(r => r.Elapsed.TotalSeconds);
                output.WriteLine($"| {concurrency} | {path} | {rates[path]:F0} | {Percentile(latencies, 0.50):F2} | {Percentile(latencies, 0.99):F2} |");
            }
            output.WriteLine($"| {concurrency} | gateway/direct throughput ratio | {rates["gateway"] / rates["direct"]:F2} | | |");
        }
    }

    /// <summary>
    /// A full-size programme if the demo data is loaded (priorities, outcomes, history), so the
    /// measured message is a realistic one; otherwise a new draft. Drafts never clash with the
    /// overlap rule's binding programmes, so the period is far from the demo data's.
    /// </summary>
    private static async Task<string> SeedAsync(ProgrammingService.ProgrammingServiceClient client)
    {
        var active = await client.ListProgrammesAsync(new ListProgrammesRequest { Country = "TZA", Status = ProgrammeStatus.Active, PageSize = 1 });
        if (active.Programmes.Count > 0) return active.Programmes[0].Id;
        var programme = await client.RegisterProgrammeAsync(new RegisterProgrammeRequest
        {
            CountryCode = "TZA",
            Title = $"Benchmark programme {DateTime.UtcNow:O}",
            PeriodStart = ProtoConvert.ToDate(new DateOnly(2040, 1, 1)),
            PeriodEnd = ProtoConvert.ToDate(new DateOnly(2043, 12, 31)),
        });
        return programme.Id;
    }

    private static Task<Result> MeasureAsync(GrpcChannel channel, string id, int concurrency, TimeSpan duration)
    {
        var client = new ProgrammingService.ProgrammingServiceClient(channel);
        var request = new GetProgrammeRequest { Id = id };
        return MeasureAsync(async () => await client.GetProgrammeAsync(request), concurrency, duration);
    }

    /// <summary><paramref name="concurrency"/> callers repeating one call for <paramref name="duration"/>, each call timed.</summary>
    internal static async Task<Result> MeasureAsync(Func<Task> call, int concurrency, TimeSpan duration)
    {
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var latencies = new List<double>();
            while (total.Elapsed < duration)
            {
                var one = Stopwatch.StartNew();
                await call();
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
            return latencies;
        }).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        return new Result(all.Count, total.Elapsed, all);
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
