using System.Diagnostics;
using System.Linq.Expressions;
using LiteDB;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

public sealed class LiteDbAggregateStore<T>(
    LiteDbDatabase db, string collectionName, IReadOnlyList<StoreIndex<T>> indexes, OutboxSignal signal)
    : IAggregateStore<T>, IStoreInitializer where T : Aggregate
{
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var index in indexes) Collection.EnsureIndex(index.Field, index.Unique);
        return Task.CompletedTask;
    }

    private ILiteCollection<T> Collection => db.Database.GetCollection<T>(collectionName);

    public Task<T?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("find", collectionName);
        return Task.FromResult<T?>(Collection.FindById(id));
    }

    public Task<bool> SaveAsync(T aggregate, ProcessedMessage? processedMessage = null, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("save", collectionName);
        var outbox = OutboxMessage.ForAll(aggregate.PendingEvents(), Activity.Current?.Id);
        var expected = aggregate.Version;
        lock (db.WriteLock)
        {
            db.Database.BeginTrans();
            try
            {
                if (processedMessage is not null && !RecordInInbox(processedMessage))
                {
                    db.Database.Rollback();
                    return Task.FromResult(false);
                }
                Write(aggregate, expected);
                if (outbox.Count > 0) db.Database.GetCollection<OutboxMessage>(LiteDbDatabase.OutboxCollection).InsertBulk(outbox);
                db.Database.Commit();
            }
            catch (Exception ex)
            {
                db.Database.Rollback();
                aggregate.RestoreVersion(expected);
                if (ex is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY }) throw new DuplicateKeyException(collectionName, ex);
                throw;
            }
        }
        aggregate.MarkSaved(expected + 1);
        if (outbox.Count > 0) signal.Notify();
        return Task.FromResult(true);
    }

    private bool RecordInInbox(ProcessedMessage message)
    {
        var inbox = db.Database.GetCollection(LiteDbDatabase.InboxCollection);
        if (inbox.FindById(message.Key) is not null) return false;
        inbox.Insert(new BsonDocument { ["_id"] = message.Key, ["at"] = DateTime.UtcNow });
        return true;
    }

    private void Write(T aggregate, long expectedVersion)
    {
        var collection = Collection;
        if (expectedVersion == 0)
        {
            aggregate.RestoreVersion(1);
            collection.Insert(aggregate);
            return;
        }
        var stored = db.Database.GetCollection(collectionName).FindById(aggregate.Id);
        if (stored is null || stored[nameof(Aggregate.Version)].AsInt64 != expectedVersion)
            throw new ConcurrencyConflictException(collectionName, aggregate.Id);
        aggregate.RestoreVersion(expectedVersion + 1);
        collection.Update(aggregate);
    }

    public Task<IReadOnlyList<T>> QueryAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, int skip, int take, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("query", collectionName);
        var query = Filter.MatchesEverything(filter) ? Collection.Query() : Collection.Query().Where(filter);
        var sorted = order.Descending ? query.OrderByDescending(order.Key) : query.OrderBy(order.Key);
        return Task.FromResult<IReadOnlyList<T>>(sorted.Skip(skip).Limit(take).ToList());
    }

    public Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("count", collectionName);
        return Task.FromResult(Filter.MatchesEverything(filter) ? Collection.LongCount() : Collection.LongCount(filter));
    }
}
