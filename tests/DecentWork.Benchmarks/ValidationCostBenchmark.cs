using Grpc.Health.V1;
using Grpc.Net.Client;

namespace DecentWork.Benchmarks;

/// <summary>
/// What token validation adds to a call in the real server pipeline: the programming service's
/// gRPC health Check, which is open to anonymous callers, called without a token and with one,
/// interleaved round by round in one run. With a token the JWT bearer handler validates it
/// (signature, issuer, audience, lifetime) and maps its claims before the health check answers;
/// everything else is the same call.
/// </summary>
public sealed class ValidationCostBenchmark(Uri direct, GrpcChannel withToken, string token, UnaryBenchmark.Options options, TextWriter output)
{
    public async Task RunAsync()
    {
        using var anonymous = GrpcChannel.ForAddress(direct);
        var header = new Grpc.Core.Metadata { { "authorization", "Bearer " + token } };
        var paths = new Dictionary<string, Func<Task>>
        {
            ["health Check, no token"] = Call(new Health.HealthClient(anonymous)),
            ["health Check, token validated"] = Call(new Health.HealthClient(withToken)),
            // The same token as a plain header instead of call credentials: separates the client's share.
            ["health Check, token as a fixed header"] = Call(new Health.HealthClient(anonymous), header),
        };
        output.WriteLine($"Validation cost, {direct}: {options.Rounds} rounds x {options.RoundDuration.TotalSeconds}s per side, interleaved");
        output.WriteLine("| concurrency | path | requests/s | p50 ms | p99 ms |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var concurrency in options.Concurrency)
        {
            var results = paths.Keys.ToDictionary(k => k, _ => new List<UnaryBenchmark.Result>());
            foreach (var (_, call) in paths) await UnaryBenchmark.MeasureAsync(call, concurrency, TimeSpan.FromSeconds(1)); // warm-up
            for (var round = 0; round < options.Rounds; round++)
                foreach (var (path, call) in paths)
                    results[path].Add(await UnaryBenchmark.MeasureAsync(call, concurrency, options.RoundDuration));
            var p50 = new List<double>();
            var p99 = new List<double>();
            foreach (var (path, rounds) in results)
            {
                var latencies = rounds.SelectMany(r => r.LatenciesMs).Order().ToList();
                p50.Add(UnaryBenchmark.Percentile(latencies, 0.50));
                p99.Add(UnaryBenchmark.Percentile(latencies, 0.99));
                var rate = rounds.Sum(r => r.Calls) / rounds.Sum(r => r.Elapsed.TotalSeconds);
                output.WriteLine($"| {concurrency} | {path} | {rate:F0} | {p50[^1]:F3} | {p99[^1]:F3} |");
            }
            output.WriteLine($"| {concurrency} | a token adds (call credentials) | | {p50[1] - p50[0]:F3} | {p99[1] - p99[0]:F3} |");
            output.WriteLine($"| {concurrency} | a token adds (fixed header) | | {p50[2] - p50[0]:F3} | {p99[2] - p99[0]:F3} |");
        }
    }

    private static Func<Task> Call(Health.HealthClient client, Grpc.Core.Metadata? headers = null) =>
        async () => await client.CheckAsync(new HealthCheckRequest(), headers);
}
