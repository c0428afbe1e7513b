using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

/// <summary>
/// The embedded store's stand-in for MongoDB's TTL index on the inbox: deletes entries older than
/// the retention, at start-up and then every hour (or a quarter of the retention, if shorter).
/// </summary>
internal sealed class InboxPruner(LiteDbDatabase db, StorageSettings settings, TimeProvider clock, ILogger<InboxPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, settings.InboxRetention.Ticks / 4));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            var pruned = db.PruneInbox(clock.GetUtcNow().UtcDateTime - settings.InboxRetention);
            if (pruned > 0) logger.LogInformation("Pruned {Count} inbox entries older than {Retention}", pruned, settings.InboxRetention);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, CancellationToken.None));
    }
}
