using System.Diagnostics;
using DecentWork.DemoData;
using PartnershipsApi = DecentWork.Contracts.Partnerships.V1;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Benchmarks.Writes;

/// <summary>
/// The event → projection delay in another service: funding approvals recorded through the gateway
/// at a steady rate, each one's delay read afterwards from the two services' own timestamps — when
/// partnerships stored the approval (its recorded_at) and when programming's consumer stored the
/// contribution it made of the event (the "FundingRecorded" entry of the programme's history). Both
/// services run on this machine's one clock; nothing polls, so the measurement adds no load.
/// </summary>
internal sealed class ProjectionDelayBenchmark(DemoCallers callers, int eventsPerSecond, TimeSpan duration, TextWriter output)
{
    public async Task RunAsync()
    {
        var channel = callers.ChannelFor(DemoCallers.Loader);
        var partnerships = new PartnershipsApi.PartnershipsService.PartnershipsServiceClient(channel);
        var programming = new ProgrammingApi.ProgrammingService.ProgrammingServiceClient(channel);
        var programmeId = await BenchmarkFixtures.FundableProgrammeAsync(programming);
        var partner = await BenchmarkFixtures.NewPartnerAsync(partnerships, "delay");
        var recorded = await RecordAtRateAsync(partnerships, partner.Id, programmeId);
        var applied = await AppliedAtAsync(programming, programmeId, recorded.Keys.ToHashSet(), TimeSpan.FromSeconds(60));
        var delays = recorded.Where(r => applied.ContainsKey(r.Key))
            .Select(r => (applied[r.Key] - r.Value).TotalMilliseconds).Order().ToList();
        output.WriteLine($"Event → projection delay (partnerships' FundingApproved → programming's contribution), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"{recorded.Count} approvals at {eventsPerSecond}/s for {duration.TotalSeconds:F0} s; {delays.Count} applied within 60 s of the last");
        output.WriteLine("| events/s | applied | p50 ms | p99 ms | max ms |");
        output.WriteLine("|---|---|---|---|---|");
        output.WriteLine($"| {eventsPerSecond} | {delays.Count}/{recorded.Count} | {UnaryBenchmark.Percentile(delays, 0.50):F1} | {UnaryBenchmark.Percentile(delays, 0.99):F1} | {(delays.Count > 0 ? delays[^1] : 0):F1} |");
    }

    /// <summary>Starts one call every 1/rate seconds (not waiting for the previous one): the rate holds even when a call is slow.</summary>
    private async Task<Dictionary<string, DateTimeOffset>> RecordAtRateAsync(PartnershipsApi.PartnershipsService.PartnershipsServiceClient partnerships,
        string partnerId, string programmeId)
    {
        var total = (int)(eventsPerSecond * duration.TotalSeconds);
        var calls = new List<Task<PartnershipsApi.FundingApproval>>(total);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / eventsPerSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            calls.Add(partnerships.RecordFundingApprovalAsync(BenchmarkFixtures.Approval(partnerId, programmeId, 1_000_000 + n, 1m)).ResponseAsync);
        }
        var approvals = await Task.WhenAll(calls);
        return approvals.ToDictionary(a => a.Id, a => a.RecordedAt.ToDateTimeOffset());
    }

    /// <summary>When programming stored each approval's contribution, read from the programme's history, newest first.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> AppliedAtAsync(ProgrammingApi.ProgrammingService.ProgrammingServiceClient programming,
        string programmeId, HashSet<string> approvalIds, TimeSpan wait)
    {
        var applied = new Dictionary<string, DateTimeOffset>();
        var waiting = Stopwatch.StartNew();
        while (applied.Count < approvalIds.Count && waiting.Elapsed < wait)
        {
            applied.Clear();
            var token = "";
            do
            {
                var page = await programming.GetProgrammeHistoryAsync(new ProgrammingApi.GetProgrammeHistoryRequest { ProgrammeId = programmeId, PageSize = 500, PageToken = token });
                foreach (var entry in page.Entries.Where(e => e.Action == "FundingRecorded"))
                {
                    // "approval {id}: USD {amount}"
                    var id = entry.Detail.Split(' ', ':')[1];
                    if (approvalIds.Contains(id)) applied[id] = entry.ChangedAt.ToDateTimeOffset();
                }
                token = page.NextPageToken;
            } while (token.Length > 0);
            if (applied.Count < approvalIds.Count) await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return applied;
    }
}
