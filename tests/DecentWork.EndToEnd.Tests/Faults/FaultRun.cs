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
    private volatile bool _brokerDown;
    // The outage's rate is kept by all writers together: one that waits on a slow call does not
    // lower it, the others write its share.
    private Stopwatch _pacedSince = new();
    private long _pacedWrites;

    public List<string> Figures { get; } = [];

    public long Retries => Sum(s => s.Retries);
    public long Conflicts => Sum(s => s.Conflicts);
    public long Faults => Sum(s => s.Faults);
    private long Sum(Func<OperationsV1.MessagingStatus, long> value) { lock (_counters) return _counters.Values.Sum(value); }

    public async Task ExecuteAsync(Func<Task> injectPoison)
    {
        using var stop = new CancellationTokenSource();
        var sampler = SampleCountersAsync(stop.Token);
        var perCycle = settings.Events / settings.Cycles;
        var faults = new List<(long At, string Name, Func<Task> Break, TimeSpan Down, Func<Task> Repair)>();
        for (var cycle = 0; cycle < settings.Cycles; cycle++)
        {
            long At(int tenths) => cycle * perCycle + perCycle * tenths / 10;
            var c = cycle + 1;
            faults.Add((At(1), $"cycle {c}: broker stopped", BreakBrokerAsync, TimeSpan.FromSeconds(settings.OutageSeconds), RepairBrokerAsync));
            faults.Add((At(3), $"cycle {c}: consumer (programming) SIGKILLed", () => Kill(["programming"]), TimeSpan.FromSeconds(3), () => RestartAsync(["programming"])));
            faults.Add((At(5), $"cycle {c}: publisher (partnerships) SIGKILLed", () => Kill(["partnerships"]), TimeSpan.FromSeconds(2), () => RestartAsync(["partnerships"])));
            string[] all = [.. ProcessPlatform.ServiceNames, "gateway"];
            faults.Add((At(7), $"cycle {c}: all five processes SIGKILLed at once", () => Kill(all), TimeSpan.FromSeconds(1), () => RestartAsync(all)));
        }
        // Writers never run past the next fault's point before that fault has started, so every
        // fault lands mid-stream however slowly the broker or a process stops and starts here.
        _gate = faults[0].At + 1;
        var writers = Enumerable.Range(0, settings.Writers).Select(_ => WriteAsync()).ToList();
        for (var k = 0; k < faults.Count; k++)
        {
            var fault = faults[k];
            await UntilAcknowledged(fault.At);
            await fault.Break();
            Interlocked.Exchange(ref _gate, k + 1 < faults.Count ? faults[k + 1].At + 1 : long.MaxValue);
            await Task.Delay(fault.Down);
            await CatchUpAsync(fault.Name, fault.Repair);
            if (k == 3) await injectPoison();
        }
        await Task.WhenAll(writers);
        await CatchUpAsync("end of the stream", () => Task.CompletedTask);
        await stop.CancelAsync();
        await sampler;
        // The last counts, after everything settled: a sample cut short by the stop would lose them.
        await SampleOnceAsync(CancellationToken.None);
    }

    private async Task SampleOnceAsync(CancellationToken stop)
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
    }

    private long _gate;

    private async Task WriteAsync()
    {
        while (Interlocked.Increment(ref _next) - 1 is var i && i < settings.Events)
        {
            while (i >= Interlocked.Read(ref _gate)) await Task.Delay(20);
            await workload.WriteAsync(i, _run, approvalsOnly: _brokerDown);
            // During a long outage the load is a steady rate, not as fast as possible.
            if (_writesPerSecond is > 0 and var rate)
            {
                var due = TimeSpan.FromSeconds(Interlocked.Increment(ref _pacedWrites) / (double)rate);
                if (due > _pacedSince.Elapsed) await Task.Delay(due - _pacedSince.Elapsed);
            }
        }
    }

    private async Task UntilAcknowledged(long writes)
    {
        while (ledger.Approvals + ledger.DraftProgrammes.Count + ledger.Partners.Count + ledger.ApprovedJointProgrammes.Count < writes
            && Interlocked.Read(ref _next) < settings.Events)
            await Task.Delay(100);
    }

    private async Task BreakBrokerAsync()
    {
        _brokerDown = true;
        await platform.Broker.StopAsync();
        if (settings.OutageWritesPerSecond > 0)
        {
            Interlocked.Exchange(ref _pacedWrites, 0);
            _pacedSince = Stopwatch.StartNew();
            _writesPerSecond = settings.OutageWritesPerSecond;
        }
    }

    private async Task RepairBrokerAsync()
    {
        _writesPerSecond = 0;
        await platform.Broker.StartAsync();
        _brokerDown = false;
    }

    private Task Kill(string[] names)
    {
        platform.Kill(names);
        return Task.CompletedTask;
    }

    private async Task RestartAsync(string[] names)
    {
        await platform.StartAsync(names.Where(n => n != "gateway"));
        if (names.Contains("gateway")) await platform.StartAsync(["gateway"]);
    }

    /// <summary>
    /// Repairs the fault, then times how long programming takes to count every approval
    /// acknowledged by the time the repair is done, from the start of the repair and from the
    /// moment it was done, and at what rate programming counted meanwhile.
    /// </summary>
    private async Task CatchUpAsync(string fault, Func<Task> repair)
    {
        var countedBefore = await CountedOrUnknownAsync();
        var clock = Stopwatch.StartNew();
        await repair();
        var repairTook = clock.Elapsed;
        var target = ledger.Approvals;
        var countedAtRepair = await Eventually.Until(CountedAsync, n => n >= 0, TimeSpan.FromMinutes(2), "programming to answer");
        var afterRepair = Stopwatch.StartNew();
        var counted = await Eventually.Until(CountedAsync, n => n >= target, TimeSpan.FromMinutes(30), $"programming to count {target} approvals after: {fault}");
        var drain = afterRepair.Elapsed.TotalSeconds;
        var backlog = target - (countedBefore ?? countedAtRepair);
        var line = $"{fault}: repair took {repairTook.TotalSeconds:0.0} s; backlog {backlog} approvals; all counted {clock.Elapsed.TotalSeconds:0.0} s after the repair began " +
            $"({drain:0.0} s after it was done; {(drain > 0.5 ? (counted - countedAtRepair) / drain : 0):0} approvals/s counted meanwhile, " +
            $"{(clock.Elapsed.TotalSeconds > 0 ? backlog / clock.Elapsed.TotalSeconds : 0):0}/s over the whole catch-up); {target} acknowledged so far";
        Figures.Add(line);
        log(line);
    }

    private async Task<long?> CountedOrUnknownAsync() => await CountedAsync() is >= 0 and var n ? n : null;

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
            await SampleOnceAsync(stop);
            try { await Task.Delay(TimeSpan.FromSeconds(2), stop); }
            catch (OperationCanceledException) { }
        }
    }
}
