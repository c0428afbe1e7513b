using DecentWork.Testing;
using Xunit.Abstractions;
using OperationsV1 = DecentWork.Contracts.Operations.V1;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>Runs alone, after the other end-to-end tests: it stops its own broker and kills processes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultSuiteCollection
{
    public const string Name = "faults";
}

/// <summary>
/// The fault suite over real processes (issue 16). Short by default (2,000 writes, one of each
/// fault); deploy/scripts/fault-suite.sh runs the long form (DECENTWORK_FAULT_EVENTS and friends).
/// </summary>
[Collection(FaultSuiteCollection.Name)]
public sealed class FaultSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FaultSuite_WhenBrokerStopsAndProcessesAreKilledMidStream_EveryAcknowledgedWriteIsAppliedExactlyOnce()
    {
        var settings = FaultRunSettings.FromEnvironment();
        await using var platform = await ProcessPlatform.StartAsync();
        var ledger = new FaultLedger();
        var workload = new FaultWorkload(platform, ledger, patience: TimeSpan.FromSeconds(settings.OutageSeconds) + TimeSpan.FromMinutes(5));
        await workload.SetUpAsync();
        var run = new FaultRun(platform, workload, ledger, settings, Log);
        var poisonId = "";
        var started = DateTimeOffset.UtcNow;
        await run.ExecuteAsync(async () =>
        {
            poisonId = await PoisonMessage.PublishFundingApprovalForUnknownProgrammeAsync(platform.RabbitUri);
            // After its retries (about 8 s) it must be parked, while the rest keeps flowing.
            await Eventually.Until(() => platform.Operations("programming").GetMessagingStatusAsync(new OperationsV1.GetMessagingStatusRequest()).ResponseAsync,
                s => s.Queues.Any(q => q.Parked > 0), TimeSpan.FromSeconds(60), "the poison message to be parked");
        });
        Log($"{settings.Events} writes ({ledger.Approvals} funding approvals) with {settings.Cycles} fault cycle(s) in {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s; " +
            $"consumer retries {run.Retries}, of them conflicts {run.Conflicts}, faults {run.Faults}; client retries {ledger.ClientRetries}");

        var checks = new FaultChecks(platform, workload, ledger);
        await checks.ApprovalsReconcileAsync();
        await checks.PeopleTrainedReconcileAsync();
        await checks.OnlyThePoisonIsParkedAsync(poisonId);
        await checks.ViewsMatchTheirSourcesAsync();
        // The poison, and nothing else, exhausted its retries: once in programming, once in coordination.
        Assert.Equal(2, run.Faults);
    }

    private void Log(string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("DECENTWORK_FAULT_REPORT") is { Length: > 0 } file)
            File.AppendAllText(file, $"{DateTimeOffset.UtcNow:O} {line}\n");
    }
}
