using DecentWork.Benchmarks;

// Usage: DecentWork.Benchmarks [--direct http://127.0.0.1:5101] [--gateway http://127.0.0.1:5000]
//                              [--rounds 5] [--seconds 3] [--concurrency 1,8]
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var options = new UnaryBenchmark.Options(
    new Uri(Arg("--direct", "http://127.0.0.1:5101")),
    new Uri(Arg("--gateway", "http://127.0.0.1:5000")),
    int.Parse(Arg("--rounds", "5")),
    TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "3"), System.Globalization.CultureInfo.InvariantCulture)),
    Arg("--concurrency", "1,8").Split(',').Select(int.Parse).ToArray());
await new UnaryBenchmark(options, Console.Out).RunAsync();
