using DecentWork.Benchmarks;
using DecentWork.Benchmarks.Scale;
using DecentWork.DemoData;

// "serve <service> [--key=value ...]": one service as its Program.cs runs it, started by the scale benchmark.
if (args is ["serve", var service, ..])
{
    await ServeMode.RunAsync(service, args[2..]);
    return;
}

// Usage: DecentWork.Benchmarks [--direct http://127.0.0.1:5101] [--gateway http://127.0.0.1:5000]
//                              [--identity http://127.0.0.1:5185/] [--credentials .data/identity/demo-credentials.json]
//                              [--rounds 5] [--seconds 3] [--concurrency 1,8]
//        DecentWork.Benchmarks scale [--services partnerships,training,programming,coordination] [--rows 10000,100000]
//                                    [--calls 30] [--budget-seconds 20] [--work /tmp/decentwork-bench] [--keep-stores]
//                                    [--reports 'by Partner,ReportDelivery']   (only the reports whose name contains one of these)
//        DecentWork.Benchmarks catch-up [--programmes 5] [--batches 10] [--batch 2000]
//        DecentWork.Benchmarks projection-cost [--rounds 5] [--saves 500]
//        DecentWork.Benchmarks writes [--gateway ...] [--identity ...] [--credentials ...] [--rounds 3] [--seconds 3] [--concurrency 1,8,32]
//        DecentWork.Benchmarks delay [--gateway ...] [--identity ...] [--credentials ...] [--rate 100] [--seconds 30]
//        DecentWork.Benchmarks history-cost [--saves 1000] [--items 20] [--rounds 5] [--work /tmp/decentwork-bench-history]
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
if (args is ["catch-up", ..])
{
    await new CatchUpBenchmark(int.Parse(Arg("--programmes", "5")), int.Parse(Arg("--batches", "10")), int.Parse(Arg("--batch", "2000")), Console.Out).RunAsync();
    return;
}
if (args is ["history-cost", ..])
{
    await new HistoryCostBenchmark(int.Parse(Arg("--saves", "1000")), int.Parse(Arg("--items", "20")), int.Parse(Arg("--rounds", "5")),
        Arg("--work", Path.Combine(Path.GetTempPath(), "decentwork-bench-history")), Console.Out).RunAsync();
    return;
}
if (args is ["scale", ..])
{
    await new ScaleBenchmark(new ScaleBenchmark.Options(
        Arg("--services", "partnerships,training,programming").Split(','),
        Arg("--rows", "10000,100000").Split(',').Select(int.Parse).ToArray(),
        int.Parse(Arg("--calls", "30")),
        TimeSpan.FromSeconds(int.Parse(Arg("--budget-seconds", "20"))),
        Arg("--work", Path.Combine(Path.GetTempPath(), "decentwork-bench")),
        KeepStores: args.Contains("--keep-stores"),
        Reports: Arg("--reports", "").Split(',', StringSplitOptions.RemoveEmptyEntries)), Console.Out).RunAsync();
    return;
}
if (args is ["projection-cost", ..])
{
    await new DecentWork.Benchmarks.Writes.ProjectionCostBenchmark(int.Parse(Arg("--rounds", "5")), int.Parse(Arg("--saves", "500")),
        Arg("--work", Path.Combine(Path.GetTempPath(), "decentwork-bench")), Console.Out).RunAsync();
    return;
}
if (args is ["writes" or "delay", ..])
{
    using var platform = DemoCallers.FromFile(Arg("--credentials", ".data/identity/demo-credentials.json"),
        new Uri(Arg("--gateway", "http://127.0.0.1:5000")), new Uri(Arg("--identity", "http://127.0.0.1:5185/")));
    if (args[0] == "writes")
        await new DecentWork.Benchmarks.Writes.GatewayWritesBenchmark(platform, int.Parse(Arg("--rounds", "3")),
            TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "3"), System.Globalization.CultureInfo.InvariantCulture)),
            Arg("--concurrency", "1,8,32").Split(',').Select(int.Parse).ToArray(), Console.Out).RunAsync();
    else
        await new DecentWork.Benchmarks.Writes.ProjectionDelayBenchmark(platform, int.Parse(Arg("--rate", "100")),
            TimeSpan.FromSeconds(int.Parse(Arg("--seconds", "30"))), Console.Out).RunAsync();
    return;
}
var options = new UnaryBenchmark.Options(
    new Uri(Arg("--direct", "http://127.0.0.1:5101")),
    new Uri(Arg("--gateway", "http://127.0.0.1:5000")),
    int.Parse(Arg("--rounds", "5")),
    TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "3"), System.Globalization.CultureInfo.InvariantCulture)),
    Arg("--concurrency", "1,8").Split(',').Select(int.Parse).ToArray());
var identity = new Uri(Arg("--identity", "http://127.0.0.1:5185/"));
// The benchmark authenticates like any client: the demo loader's client, by client credentials.
using var callers = DemoCallers.FromFile(Arg("--credentials", ".data/identity/demo-credentials.json"), options.Gateway, identity);
await new UnaryBenchmark(options, callers, Console.Out).RunAsync();
var token = await callers.TokenAsync(DemoCallers.Loader);
await new ValidationCostBenchmark(options.Direct, callers.ChannelFor(DemoCallers.Loader, options.Direct), token, options, Console.Out).RunAsync();
await new TokenValidationBenchmark(identity, token, Console.Out).RunAsync();
