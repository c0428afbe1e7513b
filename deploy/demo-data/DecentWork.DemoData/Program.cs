using DecentWork.DemoData;

// Usage: DecentWork.DemoData [--gateway http://127.0.0.1:5000] [--identity http://127.0.0.1:5185/]
//                            [--credentials .data/identity/demo-credentials.json]
string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var gateway = new Uri(Option("--gateway", "http://127.0.0.1:5000"));
var identity = new Uri(Option("--identity", "http://127.0.0.1:5185/"));
using var callers = DemoCallers.FromFile(Option("--credentials", ".data/identity/demo-credentials.json"), gateway, identity);
await new DemoLoader(callers.ChannelFor, Console.Out).LoadAsync();
