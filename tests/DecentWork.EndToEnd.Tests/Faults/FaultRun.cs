using System.Diagnostics;
using DecentWork.Testing;
using OperationsV1 = DecentWork.Contracts.Operations.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>How long a run is and how hard it pushes. The short form runs in CI; the long one by hand.</summary>
public sealed record FaultRunSettings(int Events, int Cycles, int Writers, int OutageSeconds, int OutageWritesPerSecond)
{
    public static FaultRunSettings FromEnvironment() => new(
        Int("DECENTWORK_FAULT_EVENTS", 2_000), Int("DECENTWORK_FAULT_CYCLES", 1), Int("DECENTWORK_FAULT_WRITERS", 4),
        Int("DECENTWORK_FAULT_OUTAGE_SECONDS", 5), Int("DECENTWORK_FAULT_OUTAGE_RATE", 0));

    private static int Int(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) && v > 0 ? v : fallback;
}

/// <summary>
/// Drives the stream of writes while, once per cycle, it stops the broker, SIGKILLs the consumer
/// (programming) and the publisher (partnerships) of funding approvals, and SIGKILLs all five
/// processes at once; after each fault it times how long programming takes to count everything
/// acknowledged so far. Counters of every process are read every two seconds, so what a process
/// counted before it was killed is kept.
/// </summary>
public sealed class FaultRun(ProcessPlatform platform, FaultWorkload workload, FaultLedger ledger, FaultRunSettings settings, Action<string> log)
{
    private readonly string _run = $"r{Guid.NewGuid():N}"[..9];
    private readonly Dictionary<(string, int), OperationsV1.MessagingStatus> _counters = [];
    private long _next;
    private volatile int _writesPerSecond;

    public List<string> Figures { get; } = [];

    public long Retries => Sum(s => s.Retries);
    public long Conflicts => Sum(s => s.Conflicts);
    public long Faults => Sum(s => s.Faults);
    private long Sum(Func<OperationsV1.MessagingStatus, long> value) { lock (_counters) return _counters.Values.Sum(value); }

    public async Task ExecuteAsync(Func<Task> injectPoison)
    {
        using var stop = new CancellationTokenSource();
        var sampler = SampleCountersAsync(stop.Token);
        var writers = Enumerable.Range(0, settings.Writers).Select(_ => WriteAsync()).ToList();
        var perCycle = settings.Events / settings.Cycles;
        for (var cycle = 0; cycle < settings.Cycles; cycle++)
        {
            var at = cycle * perCycle;
            await UntilAcknowledged(at + perCycle / 10);
            await CatchUpAsync($"cycle {cycle + 1}: broker stopped {settings.OutageSeconds} s", BrokerOutageAsync);
            await UntilAcknowledged(at + perCycle * 3 / 10);
            await CatchUpAsync($"cycle {cycle + 1}: consumer (programming) SIGKILLed", () => KillAndRestartAsync(["programming"], TimeSpan.FromSeconds(3)));
            await UntilAcknowledged(at + perCycle / 2);
            await CatchUpAsync($"cycle {cycle + 1}: publisher (partnerships) SIGKILLed", () => KillAndRestartAsync(["partnerships"], TimeSpan.FromSeconds(2)));
            await UntilAcknowledged(at + perCycle * 7 / 10);
            await CatchUpAsync($"cycle {cycle + 1}: all five processes SIGKILLed at once",
                () => KillAndRestartAsync([.. ProcessPlatform.ServiceNames, "gateway"], TimeSpan.FromSeconds(1)));
            if (cycle == 0)
            {
                await UntilAcknowledged(at + perCycle * 8 / 10);
                await injectPoison();
            }
        }
        await Task.WhenAll(writers);
        await CatchUpAsync("end of the stream", () => Task.CompletedTask);
        await stop.CancelAsync();
        await sampler;
    }

    private async Task WriteAsync()
    {
        var started = Stopwatch.StartNew();
        long written = 0;
        while (Interlocked.Increment(ref _next) - 1 is var i && i < settings.Events)
        {
            await workload.WriteAsync(i, _run);
            written++;
            // During a long outage the load is a steady rate, not as fast as possible.
            if (_writesPerSecond > 0)
            {
                var due = TimeSpan.FromSeconds(written * settings.Writers / (double)_writesPerSecond);
                if (due > started.Elapsed) await Task.Delay(due - started.Elapsed);
            }
            else
            {
                started.Restart();
                written = 0;
            }
        }
    }

    private async Task UntilAcknowledged(long writes)
    {
        while (ledger.Approvals + ledger.DraftProgrammes.Count + ledger.Partners.Count + ledger.ApprovedJointProgrammes.Count < writes
            && Interlocked.Read(ref _next) < settings.Events)
            await Task.Delay(100);
    }

    private async Task BrokerOutageAsync()
    {
        await platform.Broker.StopAsync();
        if (settings.OutageWritesPerSecond > 0) _writesPerSecond = settings.OutageWritesPerSecond;
        await Task.Delay(TimeSpan.FromSeconds(settings.OutageSeconds));
        _writesPerSecond = 0;
        await platform.Broker.StartAsync();
    }

    private async Task KillAndRestartAsync(string[] names, TimeSpan down)
    {
        platform.Kill(names);
        await Task.Delay(down);
        var services = names.Where(n => n != "gateway").ToList();
        await platform.StartAsync(services);
        if (names.Contains("gateway")) await platform.StartAsync(["gateway"]);
    }

    /// <summary>
    /// Applies the fault, then times, from the moment it is over, how long programming takes to
    /// count every approval acknowledged by then, and at what rate it consumed meanwhile.
    /// </summary>
    private async Task CatchUpAsync(string fault, Func<Task> apply)
    {
        var faultStarted = Stopwatch.StartNew();
        await apply();
        var faultTook = faultStarted.Elapsed;
        var target = ledger.Approvals;
        var countedAtStart = await Eventually.Until(CountedAsync, n => n >= 0, TimeSpan.FromMinutes(2), "programming to answer");
        var clock = Stopwatch.StartNew();
        var counted = await Eventually.Until(CountedAsync, n => n >= target, TimeSpan.FromMinutes(30), $"programming to count {target} approvals after: {fault}");
        var seconds = clock.Elapsed.TotalSeconds;
        var consumed = counted - countedAtStart;
        var line = $"{fault}: fault lasted {faultTook.TotalSeconds:0.0} s; backlog {target - countedAtStart} approvals; " +
            $"drained in {seconds:0.0} s ({(seconds > 0 ? consumed / seconds : 0):0} approvals/s counted by programming); {target} acknowledged so far";
        Figures.Add(line);
        log(line);
    }

    private async Task<long> CountedAsync()
    {
        var programming = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(platform.GatewayFor(TestCaller.Loader));
        long total = 0;
        foreach (var id in workload.ApprovalTargets)
        {
            try
            {
                total += (await programming.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = id })).FundingApprovalCount;
            }
            catch (Grpc.Core.RpcException)
            {
                return -1; // a process is still coming back
            }
        }
        return total;
    }

    private async Task SampleCountersAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var service in ProcessPlatform.ServiceNames)
            {
                try
                {
                    var status = await platform.Operations(service).GetMessagingStatusAsync(new OperationsV1.GetMessagingStatusRequest(), cancellationToken: stop);
                    lock (_counters) _counters[(service, platform[service].Starts)] = status;
                }
                catch (Exception e) when (e is Grpc.Core.RpcException or OperationCanceledException) { }
            }
            try { await Task.Delay(TimeSpan.FromSeconds(2), stop); }
            catch (OperationCanceledException) { }
        }
    }
}
