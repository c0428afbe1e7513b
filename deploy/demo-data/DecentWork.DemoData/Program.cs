using DecentWork.DemoData;
using Grpc.Net.Client;

// Usage: DecentWork.DemoData [--gateway http://127.0.0.1:5000]
var gateway = args.SkipWhile(a => a != "--gateway").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5000";
using var channel = GrpcChannel.ForAddress(gateway);
await new DemoLoader(channel, Console.Out).LoadAsync();
