using System.Diagnostics;
using System.Linq.Expressions;
using DecentWork.ServiceDefaults.Storage.History;
using LiteDB;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

public sealed partial class LiteDbAggregateStore<T>(
    LiteDbDatabase db, string collectionName, IReadOnlyList<StoreIndex<T>> indexes, OutboxSignal signal,
    IReadOnlyList<Projection<T>>? projections = null)
    : IAggregateStore<T>, IStoreInitializer where T : Aggregate
{
    private readonly LiteDbProjections<T> _projections = new(projections ?? []);

    /// <summary>
    /// Always true in the services; only the history-cost benchmark switches it off, to measure
    /// what the history adds to a save in one run.
    /// </summary>
    internal bool KeepsHistory { get; init; } = true;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        db.Run(d => indexes.Select(index => Collection(d).EnsureIndex(index.Field, index.Unique)).ToList());
        if (_projections.Any) db.Run(d => { _projections.RebuildStale(d, x => Collection(x).FindAll()); return true; });
        return Task.CompletedTask;
    }

    private ILiteCollection<T> Collection(LiteDatabase database) => database.GetCollection<T>(collectionName);

    public Task<T?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("find", collectionName);
        return Task.FromResult<T?>(db.Run(d => Collection(d).FindById(id)));
    }

    public Task<bool> SaveAsync(T aggregate, ProcessedMessage? processedMessage = null, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("save", collectionName);
        var outbox = OutboxMessage.ForAll(aggregate.PendingEvents(), Activity.Current?.Id);
        var expected = aggregate.Version;
        var actor = ChangeActor.For(processedMessage);
        var written = db.Run(d =>
        {
            d.BeginTrans();
            try
            {
                if (processedMessage is not null && !RecordInInbox(d, processedMessage))
                {
                    d.Rollback();
                    return false;
                }
                // One read of the stored state serves the version check, the projections and the history.
                var stored = expected == 0 ? null : d.GetCollection(collectionName).FindById(aggregate.Id);
                if (expected != 0 && (stored is null || stored[nameof(Aggregate.Version)].AsInt64 != expected))
                    throw new ConcurrencyConflictException(collectionName, aggregate.Id);
                var before = stored is null || !(KeepsHistory || _projections.Any) ? null : db.Mapper.ToObject<T>(stored);
                WriteWithItsEffects(d, aggregate, before, expected, outbox, actor);
                d.Commit();
                return true;
            }
            catch (Exception ex)
            {
                d.Rollback();
                aggregate.RestoreVersion(expected);
                if (ex is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY }) throw new DuplicateKeyException(collectionName, ex);
                throw;
            }
        });
        if (!written) return Task.FromResult(false);
        aggregate.MarkSaved(expected + 1);
        if (outbox.Count > 0) signal.Notify();
        return Task.FromResult(true);
    }

    /// <summary>
    /// Inside the caller's transaction: the aggregate's projections, its history record, the document
    /// (with its indexes) and its outbox events, in that order. Shared by a save and a batch insert so
    /// a batch leaves exactly what saving one by one would.
    /// </summary>
    private void WriteWithItsEffects(LiteDatabase d, T aggregate, T? before, long expected, IReadOnlyList<OutboxMessage> outbox, ChangeActor actor)
    {
        _projections.Apply(d, aggregate, before);
        WriteWithHistoryAndOutbox(d, aggregate, before, expected, outbox, actor);
    }

    /// <summary>The rest of <see cref="WriteWithItsEffects"/>: what a batch insert does per aggregate once it has applied the batch's projections.</summary>
    private void WriteWithHistoryAndOutbox(LiteDatabase d, T aggregate, T? before, long expected, IReadOnlyList<OutboxMessage> outbox, ChangeActor actor)
    {
        if (KeepsHistory) LiteDbHistory.Record(d, before, aggregate, expected + 1, actor);
        Write(d, aggregate, expected);
        if (outbox.Count == 0) return;
        LiteDbOutbox.Number(d, outbox);
        d.GetCollection<OutboxMessage>(LiteDbDatabase.OutboxCollection).InsertBulk(outbox);
    }

    private static bool RecordInInbox(LiteDatabase database, ProcessedMessage message)
    {
        var inbox = database.GetCollection(LiteDbDatabase.InboxCollection);
        if (inbox.FindById(message.Key) is not null) return false;
        inbox.Insert(new BsonDocument { ["_id"] = message.Key, [LiteDbDatabase.InboxRecordedAtField] = DateTime.UtcNow });
        return true;
    }

    private void Write(LiteDatabase database, T aggregate, long expectedVersion)
    {
        if (expectedVersion == 0)
        {
            aggregate.RestoreVersion(1);
            Collection(database).Insert(aggregate);
            return;
        }
        aggregate.RestoreVersion(expectedVersion + 1);
        Collection(database).Update(aggregate);
    }

    public Task<IReadOnlyList<HistoryRecord>> ReadHistoryAsync(Guid id, long afterVersion, int take, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("read history", collectionName);
        return Task.FromResult(db.Run(d => LiteDbHistory.Read<T>(d, id, afterVersion, take)));
    }

    public Task<long> CountHistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("count history", collectionName);
        return Task.FromResult(db.Run(d => LiteDbHistory.Count<T>(d, id)));
    }

    public Task<IReadOnlyList<T>> QueryAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, int skip, int take, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("query", collectionName);
        return Task.FromResult<IReadOnlyList<T>>(db.Run(d =>
        {
            var query = Filter.MatchesEverything(filter) ? Collection(d).Query() : Collection(d).Query().Where(filter);
            var sorted = order.Descending ? query.OrderByDescending(order.Key) : query.OrderBy(order.Key);
            return sorted.Skip(skip).Limit(take).ToList();
        }));
    }

    public Task<IReadOnlyList<T>> QueryAfterAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, string? afterKey, int take,
        CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("query", collectionName);
        var key = db.Mapper.GetExpression(order.StringKey());
        return Task.FromResult<IReadOnlyList<T>>(db.Run(d =>
        {
            var query = Filter.MatchesEverything(filter) ? Collection(d).Query() : Collection(d).Query().Where(filter);
            if (afterKey is not null)
                query = query.Where(BsonExpression.Create($"{key.Source} {(order.Descending ? "<" : ">")} @0", new BsonValue(afterKey)));
            var sorted = order.Descending ? query.OrderByDescending(order.Key) : query.OrderBy(order.Key);
            return sorted.Limit(take).ToList();
        }));
    }

    public Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("count", collectionName);
        return Task.FromResult(db.Run(d => Filter.MatchesEverything(filter) ? Collection(d).LongCount() : Collection(d).LongCount(filter)));
    }
}
