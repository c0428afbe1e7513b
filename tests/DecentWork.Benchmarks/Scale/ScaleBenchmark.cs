using System.Diagnostics;
using DecentWork.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using PartnershipsApi = DecentWork.Contracts.Partnerships.V1;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;
using TrainingApi = DecentWork.Contracts.Training.V1;

namespace DecentWork.Benchmarks.Scale;

/// <summary>
/// Reports at scale: for each service and each size, fill a fresh store through the storage port,
/// start the service in a process of its own, and time every report RPC over gRPC (sequential
/// calls: p50 and p99 of what a caller waits), with the service's RSS idle after start and after
/// the calls. Needs RABBITMQ_URI and RABBITMQ_MANAGEMENT_URI (deploy/scripts/rabbitmq.sh env).
/// </summary>
internal sealed class ScaleBenchmark(ScaleBenchmark.Options options, TextWriter output)
{
    public sealed record Options(string[] Services, int[] Rows, int Calls, TimeSpan Budget, string WorkFolder);

    private sealed record Target(string Name, Func<string[], WebApplication> Build, Func<IServiceProvider, int, TextWriter, Task> Fill,
        Func<CallInvoker, Task<IReadOnlyList<ReportCall>>> Reports, string RowsAre);

    private static readonly Dictionary<string, Target> Targets = new()
    {
        ["partnerships"] = new("partnerships", DecentWork.Partnerships.PartnershipsApp.Build, Generators.FundingApprovalsAsync,
            _ => Task.FromResult(ReportCalls.Partnerships()), "funding approvals"),
        ["training"] = new("training", DecentWork.Training.TrainingApp.Build, Generators.EnrolmentsAsync, async invoker =>
        {
            var courses = await new TrainingApi.TrainingService.TrainingServiceClient(invoker).ListCoursesAsync(new TrainingApi.ListCoursesRequest { PageSize = 1 });
            return ReportCalls.Training(courses.Courses[0].Id);
        }, "enrolments"),
        ["programming"] = new("programming", DecentWork.Programming.ProgrammingApp.Build, Generators.ProgrammesAsync, async invoker =>
        {
            var programmes = await new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(invoker).ListProgrammesAsync(new ProgrammingApi.ListProgrammesRequest { PageSize = 1 });
            return ReportCalls.Programming(programmes.Programmes[0].Id);
        }, "programmes"),
        ["coordination"] = new("coordination", DecentWork.Coordination.CoordinationApp.Build, CoordinationGenerator.FillAsync,
            _ => Task.FromResult(ReportCalls.Coordination()), "known programmes"),
    };

    public async Task RunAsync()
    {
        var identity = await IdentityProvider.SharedAsync();
        var broker = await RabbitMqBroker.SharedAsync();
        output.WriteLine($"Reports at scale, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; up to {options.Calls} sequential calls or {options.Budget.TotalSeconds:F0} s per report after one warm-up call");
        foreach (var name in options.Services)
        {
            var target = Targets[name];
            foreach (var rows in options.Rows)
            {
                var folder = Path.Combine(options.WorkFolder, $"{name}-{rows}-{Guid.NewGuid():N}");
                try
                {
                    var filling = Stopwatch.StartNew();
                    output.WriteLine($"\n## {name}, {rows:N0} {target.RowsAre}");
                    await StoreGenerator.FillAsync(target.Build, folder, services => target.Fill(services, rows, output));
                    output.WriteLine($"generated in {filling.Elapsed.TotalSeconds:F0} s; store file {new FileInfo(Path.Combine(folder, name + ".db")).Length / 1048576.0:F0} MB");
                    var vhost = await broker.CreateVirtualHostAsync($"bench-{name}");
                    try { await MeasureAsync(target, folder, identity, vhost); }
                    finally { await broker.DeleteVirtualHostAsync(vhost); }
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private async Task MeasureAsync(Target target, string folder, IdentityProvider identity, string rabbitUri)
    {
        var starting = Stopwatch.StartNew();
        await using var service = await ServiceProcess.StartAsync(target.Name, folder, identity.Authority, rabbitUri);
        output.WriteLine($"healthy after {starting.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idle = service.RssMegabytes();
        var caller = TestCaller.DefaultFor(target.Name);
        using var channel = GrpcChannel.ForAddress(service.GrpcAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor(async (_, metadata) => metadata.Add("authorization", "Bearer " + await identity.TokenAsync(caller)))),
            UnsafeUseInsecureChannelCallCredentials = true,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        var invoker = channel.CreateCallInvoker();
        output.WriteLine("| report | calls | p50 ms | p99 ms |");
        output.WriteLine("|---|---|---|---|");
        foreach (var report in await target.Reports(invoker)) output.WriteLine(await TimeAsync(report, invoker));
        output.WriteLine($"RSS: {idle:F0} MB idle after start, {service.RssMegabytes():F0} MB after the calls");
    }

    private async Task<string> TimeAsync(ReportCall report, CallInvoker invoker)
    {
        var latencies = new List<double>();
        try
        {
            // One warm-up call (JIT, first read of the file), not counted.
            await report.Invoke(invoker, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(10)));
            var budget = Stopwatch.StartNew();
            while (latencies.Count < options.Calls && budget.Elapsed < options.Budget)
            {
                var call = Stopwatch.StartNew();
                await report.Invoke(invoker, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(10)));
                latencies.Add(call.Elapsed.TotalMilliseconds);
            }
        }
        catch (RpcException e)
        {
            return $"| {report.Name} | {latencies.Count} | {e.StatusCode} | |";
        }
        latencies.Sort();
        return $"| {report.Name} | {latencies.Count} | {UnaryBenchmark.Percentile(latencies, 0.50):F1} | {UnaryBenchmark.Percentile(latencies, 0.99):F1} |";
    }
}
