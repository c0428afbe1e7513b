using DecentWork.ServiceDefaults.Messaging.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DecentWork.ServiceDefaults.Hosting;

/// <summary>
/// Degraded when a consumer's <c>_error</c> queue holds messages or the outbox's oldest event is
/// older than Operations:OutboxAgeThresholdSeconds (default 60): the service still serves, but an
/// operator must look. Tagged <see cref="AttentionTag"/>, so it never takes the service out of
/// readiness (GET /health stays 200 and gRPC health SERVING when only these checks are degraded).
/// </summary>
internal sealed class MessagingHealthCheck(MessagingSnapshot snapshot, IConfiguration configuration) : IHealthCheck
{
    public const string Name = "messaging";
    public const string AttentionTag = "attention";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var threshold = TimeSpan.FromSeconds(configuration.GetValue("Operations:OutboxAgeThresholdSeconds", 60));
        var sample = await snapshot.SampleAsync(cancellationToken);
        var parked = sample.Queues.Where(q => q.Value.Parked > 0).ToDictionary(q => ConsumerQueues.ErrorQueueOf(q.Key), q => (object)q.Value.Parked);
        var data = new Dictionary<string, object>(parked)
        {
            ["outboxSize"] = sample.OutboxSize,
            ["outboxOldestAgeSeconds"] = Math.Round(sample.OutboxOldestAge.TotalSeconds, 1),
        };
        var problems = new List<string>();
        if (parked.Count > 0) problems.Add($"{parked.Values.Sum(v => (long)v)} message(s) parked in {string.Join(", ", parked.Keys)}");
        if (sample.OutboxOldestAge > threshold) problems.Add($"outbox backlog older than {threshold.TotalSeconds:0} s");
        return problems.Count == 0
            ? HealthCheckResult.Healthy("no parked messages, outbox current", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems), data: data);
    }
}
