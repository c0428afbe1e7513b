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
/// Reports at scale: for each service, fill a fresh store per size through the storage port, start
/// each size's service in a process of its own, and time every report RPC over gRPC (sequential
/// calls, on each size in turn: p50 and p99 of what a caller waits, and the ratio of the largest
/// size's p50 to the smallest's), with each service's RSS idle after start and after the calls.
/// Needs RABBITMQ_URI and RABBITMQ_MANAGEMENT_URI (deploy/scripts/rabbitmq.sh env).
/// </summary>
internal sealed class ScaleBenchmark(ScaleBenchmark.Options options, TextWriter output)
{
    /// <param name="KeepStores">
    /// Keep each generated store in the work folder (named by service and size) and use it again on
    /// the next run instead of generating it: a million approvals take most of an hour to generate,
    /// and the code under test may change between runs (a new or changed projection rebuilds at
    /// the service's start-up, so a kept store serves the new code's reports).
    /// </param>
    /// <param name="Reports">Time only the reports whose name contains one of these (none: every report).</param>
    public sealed record Options(string[] Services, int[] Rows, int Calls, TimeSpan Budget, string WorkFolder, bool KeepStores = false, string[]? Reports = null);

    // Written once a store is completely generated, so a run stopped part-way is generated again.
    private const string GeneratedMark = "generated";

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
        output.WriteLine($"Reports at scale, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; every size of a service served at once, each report called "
            + $"in turn on each size, up to {options.Calls} rounds or {options.Budget.TotalSeconds:F0} s per report after one warm-up call per size");
        foreach (var name in options.Services)
        {
            var target = Targets[name];
            var sizes = new List<Size>();
            try
            {
                foreach (var rows in options.Rows)
                {
                    var folder = Path.Combine(options.WorkFolder, options.KeepStores ? $"{name}-{rows}" : $"{name}-{rows}-{Guid.NewGuid():N}");
                    sizes.Add(new Size(rows, folder));
                    output.WriteLine($"\n## {name}, {rows:N0} {target.RowsAre}");
                    var mark = Path.Combine(folder, GeneratedMark);
                    if (options.KeepStores && File.Exists(mark))
                    {
                        output.WriteLine($"kept store of {File.ReadAllText(mark).Trim()}; store file {StoreMegabytes(folder, name):F0} MB");
                        continue;
                    }
                    if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                    var filling = Stopwatch.StartNew();
                    await StoreGenerator.FillAsync(target.Build, folder, services => target.Fill(services, rows, output));
                    File.WriteAllText(mark, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
                    output.WriteLine($"generated in {filling.Elapsed.TotalSeconds:F0} s; store file {StoreMegabytes(folder, name):F0} MB");
                }
                await MeasureAsync(target, sizes, identity, broker);
            }
            finally
            {
                foreach (var size in sizes)
                {
                    if (size.Service is not null) await size.Service.DisposeAsync();
                    if (size.VirtualHost is not null) await broker.DeleteVirtualHostAsync(size.VirtualHost);
                    if (!options.KeepStores && Directory.Exists(size.Folder)) Directory.Delete(size.Folder, recursive: true);
                }
            }
        }
    }

    private static double StoreMegabytes(string folder, string service) => new FileInfo(Path.Combine(folder, service + ".db")).Length / 1048576.0;

    /// <summary>One generated size of a service: its store, and once started its process and channel.</summary>
    private sealed class Size(int rows, string folder)
    {
        public int Rows { get; } = rows;
        public string Folder { get; } = folder;
        public string? VirtualHost { get; set; }
        public ServiceProcess? Service { get; set; }
        public CallInvoker? Invoker { get; set; }
        public double IdleRss { get; set; }
        public IReadOnlyList<ReportCall> Reports { get; set; } = [];
    }

    /// <summary>
    /// Starts every size's service, then times each report on all sizes in turn, call by call, so a
    /// burst of load on this shared machine falls on every size alike and the ratios compare like
    /// with like.
    /// </summary>
    private async Task MeasureAsync(Target target, List<Size> sizes, IdentityProvider identity, RabbitMqBroker broker)
    {
        var caller = TestCaller.DefaultFor(target.Name);
        var channels = new List<GrpcChannel>();
        try
        {
            foreach (var size in sizes)
            {
                size.VirtualHost = await broker.CreateVirtualHostAsync($"bench-{target.Name}");
                var starting = Stopwatch.StartNew();
                size.Service = await ServiceProcess.StartAsync(target.Name, size.Folder, identity.Authority, size.VirtualHost);
                output.WriteLine($"{size.Rows:N0}: healthy after {starting.Elapsed.TotalSeconds:F1} s");
                await Task.Delay(TimeSpan.FromSeconds(3));
                size.IdleRss = size.Service.RssMegabytes();
                var channel = GrpcChannel.ForAddress(size.Service.GrpcAddress, new GrpcChannelOptions
                {
                    Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                        CallCredentials.FromInterceptor(async (_, metadata) => metadata.Add("authorization", "Bearer " + await identity.TokenAsync(caller)))),
                    UnsafeUseInsecureChannelCallCredentials = true,
                    MaxReceiveMessageSize = 64 * 1024 * 1024,
                });
                channels.Add(channel);
                size.Invoker = channel.CreateCallInvoker();
                // The same requests on each size; those naming a record (a programme, a course) name one of its own.
                size.Reports = await target.Reports(size.Invoker);
            }
            var first = sizes[0].Rows;
            var last = sizes[^1].Rows;
            output.WriteLine();
            output.WriteLine($"| report | rounds | {string.Join(" | ", sizes.Select(s => $"{s.Rows:N0}: p50 / p99 ms"))} | p50 {last:N0} / {first:N0} |");
            output.WriteLine($"|---|---|{string.Concat(sizes.Select(_ => "---|"))}---|");
            for (var report = 0; report < sizes[0].Reports.Count; report++)
                if (options.Reports is not { Length: > 0 } only || only.Any(name => sizes[0].Reports[report].Name.Contains(name, StringComparison.Ordinal)))
                    output.WriteLine(await TimeAsync(report, sizes));
            foreach (var size in sizes)
                output.WriteLine($"RSS at {size.Rows:N0}: {size.IdleRss:F0} MB idle after start, {size.Service!.RssMegabytes():F0} MB after the calls");
        }
        finally
        {
            foreach (var channel in channels) channel.Dispose();
        }
    }

    private async Task<string> TimeAsync(int report, List<Size> sizes)
    {
        var name = sizes[0].Reports[report].Name;
        var latencies = sizes.Select(_ => new List<double>()).ToList();
        try
        {
            // One warm-up call per size (JIT, first read of the file), not counted.
            foreach (var size in sizes) await size.Reports[report].Invoke(size.Invoker!, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(10)));
            var budget = Stopwatch.StartNew();
            while (latencies[0].Count < options.Calls && budget.Elapsed < options.Budget)
                for (var i = 0; i < sizes.Count; i++)
                {
                    var call = Stopwatch.StartNew();
                    await sizes[i].Reports[report].Invoke(sizes[i].Invoker!, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(10)));
                    latencies[i].Add(call.Elapsed.TotalMilliseconds);
                }
        }
        catch (RpcException e)
        {
            return $"| {name} | {latencies[^1].Count} | {e.StatusCode} |{string.Concat(sizes.Skip(1).Select(_ => " |"))} |";
        }
        foreach (var sorted in latencies) sorted.Sort();
        var p50 = latencies.Select(l => UnaryBenchmark.Percentile(l, 0.50)).ToList();
        var cells = latencies.Select((l, i) => $"{p50[i]:F1} / {UnaryBenchmark.Percentile(l, 0.99):F1}");
        return $"| {name} | {latencies[^1].Count} | {string.Join(" | ", cells)} | {p50[^1] / p50[0]:F2} |";
    }
}
