using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Storage;

/// <summary>
/// Gives funding approvals stored before request ids existed their request key ("approval:{id}")
/// before the store creates the unique index on it at start-up: both stores read a missing value
/// as null and would refuse to build a unique index over two of them. Registered ahead of the
/// storage initializer so it runs first; a no-op on a store already migrated, and safe while another
/// instance backfills the same store (see <see cref="AggregateStoreExtensions.MigrateAsync{T}"/>).
/// </summary>
public sealed class RequestKeyBackfill(IAggregateStore<FundingApproval> approvals, ILogger<RequestKeyBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await approvals.AnyLackingAsync(cancellationToken, a => a.RequestKey)) return;
        // Read everything, then save: a filter cannot ask for a missing field the same way in both
        // stores, so the approvals without a key are picked in memory.
        var all = await approvals.ReadAllAsync(_ => true, new SortOrder<FundingApproval>(a => a.SortKey), cancellationToken);
        var migrated = 0;
        foreach (var approval in all)
            if (await approvals.MigrateAsync(approval, a => a.BackfillRequestKey(), cancellationToken))
                migrated++;
        if (migrated > 0) logger.LogInformation("Gave {Count} funding approvals stored before request ids their request key", migrated);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
