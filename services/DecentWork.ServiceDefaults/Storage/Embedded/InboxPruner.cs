using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

/// <summary>
/// The embedded store's stand-in for MongoDB's TTL index on the inbox: deletes entries older than
/// the retention, at start-up and then every hour (or a quarter of the retention, if shorter).
/// </summary>
internal sealed class InboxPruner(LiteDbDatabase db, StorageSettings settings, ILogger<InboxPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, settings.InboxRetention.Ticks / 4)));
        try
        {
            do
            {
                var pruned = db.PruneInbox(DateTime.UtcNow - settings.InboxRetention);
                if (pruned > 0) logger.LogInformation("Pruned {Count} inbox entries older than {Retention}", pruned, settings.InboxRetention);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
