using System.Linq.Expressions;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Storage;

/// <summary>
/// Announces, once, the budget books and financial transactions saved before ProjectFinanceChanged
/// existed, so coordination's region comparison counts their money without waiting for them to be
/// saved again. Each announcement is saved with the record's mark (<c>AnnouncedRevision</c>) and goes
/// through the outbox in that save: exactly once per store. Two instances starting at once meet the
/// version check, and the loser re-reads a record already marked (<see cref="AggregateStoreExtensions.MigrateAsync{T}"/>);
/// coordination keeps the newest revision per record anyway. Registered after the storage initializer,
/// so the marks' indexes exist: a store with nothing to announce costs one indexed count per collection.
/// </summary>
public sealed class FinanceAnnouncementBackfill(IAggregateStore<ApprovalBudget> budgets, IAggregateStore<FinancialTransaction> transactions,
    ILogger<FinanceAnnouncementBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var books = await AnnounceAsync(budgets, b => b.AnnouncedRevision == null, b => b.BackfillAnnouncement(), cancellationToken);
        var lines = await AnnounceAsync(transactions, t => t.AnnouncedRevision == null, t => t.BackfillAnnouncement(), cancellationToken);
        if (books + lines > 0)
            logger.LogInformation("Announced {Books} budget books and {Transactions} financial transactions saved before ProjectFinanceChanged", books, lines);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Marks every unannounced record, a chunk at a time: each one marked leaves the filter, so the
    /// next read starts with those left (a record another instance marked meanwhile is skipped by
    /// <paramref name="announce"/>). Stops when a read brings nothing not tried already.
    /// </summary>
    private static async Task<int> AnnounceAsync<T>(IAggregateStore<T> store, Expression<Func<T, bool>> unannounced, Func<T, bool> announce,
        CancellationToken cancellationToken) where T : Aggregate
    {
        if (await store.CountAsync(unannounced, cancellationToken) == 0) return 0;
        var tried = new HashSet<Guid>();
        var announced = 0;
        while (true)
        {
            var chunk = await store.QueryAsync(unannounced, new SortOrder<T>(a => a.Id), 0, AggregateStoreExtensions.ReadAllChunk, cancellationToken);
            var fresh = chunk.Where(a => tried.Add(a.Id)).ToList();
            if (fresh.Count == 0) return announced;
            foreach (var record in fresh)
                if (await store.MigrateAsync(record, announce, cancellationToken))
                    announced++;
        }
    }
}
