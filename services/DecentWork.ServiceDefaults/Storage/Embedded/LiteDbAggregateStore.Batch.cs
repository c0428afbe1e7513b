using System.Diagnostics;
using DecentWork.ServiceDefaults.Storage.History;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

/// <summary>
/// Bulk loading for the embedded store only (not part of the storage port): the scale benchmark's
/// generator fills a store with up to a million aggregates, and a commit per aggregate, not the
/// work of the save, is what made that take hours.
/// </summary>
public sealed partial class LiteDbAggregateStore<T>
{
    /// <summary>
    /// Inserts new aggregates (version 0) in one transaction, each through the same steps as
    /// <see cref="SaveAsync"/> (its history record, document and outbox events; the projections'
    /// buckets summed over the batch first, so a shared bucket is written once), and the store
    /// afterwards holds what saving them one by one would have left. All or none: a duplicate key or
    /// any other failure rolls the whole batch back.
    /// </summary>
    public void InsertBatch(IReadOnlyList<T> aggregates)
    {
        if (aggregates.Any(a => a.Version != 0)) throw new ArgumentException("A batch inserts new aggregates only (version 0).", nameof(aggregates));
        using var activity = StorageTelemetry.Start("insert batch", collectionName);
        var outboxes = aggregates.Select(a => OutboxMessage.ForAll(a.PendingEvents(), Activity.Current?.Id)).ToList();
        var actor = ChangeActor.For(null);
        db.Run(d =>
        {
            d.BeginTrans();
            try
            {
                _projections.ApplyInserted(d, aggregates);
                for (var i = 0; i < aggregates.Count; i++) WriteWithHistoryAndOutbox(d, aggregates[i], null, 0, outboxes[i], actor);
                d.Commit();
                return true;
            }
            catch (Exception ex)
            {
                d.Rollback();
                foreach (var aggregate in aggregates) aggregate.RestoreVersion(0);
                if (ex is LiteDB.LiteException { ErrorCode: LiteDB.LiteException.INDEX_DUPLICATE_KEY }) throw new DuplicateKeyException(collectionName, ex);
                throw;
            }
        });
        foreach (var aggregate in aggregates) aggregate.MarkSaved(1);
        if (outboxes.Any(o => o.Count > 0)) signal.Notify();
    }
}
