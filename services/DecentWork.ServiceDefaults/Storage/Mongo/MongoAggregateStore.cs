using System.Diagnostics;
using System.Linq.Expressions;
using DecentWork.ServiceDefaults.Storage.History;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

public sealed class MongoAggregateStore<T> : IAggregateStore<T>, IStoreInitializer where T : Aggregate
{
    private readonly MongoDatabaseContext _context;
    private readonly string _collectionName;
    private readonly OutboxSignal _signal;
    private readonly IMongoCollection<T> _collection;
    private readonly IReadOnlyList<StoreIndex<T>> _indexes;
    private readonly MongoProjections<T> _projections;
    private readonly IMongoCollection<HistoryRecord> _history;

    public MongoAggregateStore(MongoDatabaseContext context, string collectionName, IReadOnlyList<StoreIndex<T>> indexes, OutboxSignal signal,
        IReadOnlyList<Projection<T>>? projections = null)
    {
        _indexes = indexes;
        MongoSerialization.RegisterAggregate<T>();
        _context = context;
        _collectionName = collectionName;
        _signal = signal;
        _collection = context.Database.GetCollection<T>(collectionName);
        _projections = new MongoProjections<T>(context.Database, _collection, projections ?? []);
        _history = context.Database.GetCollection<HistoryRecord>(HistoryKeys.Collection);
    }

    /// <summary>The indexes the service declared for this collection.</summary>
    public IReadOnlyList<StoreIndex<T>> Indexes => _indexes;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _context.EnsureSharedStateAsync(cancellationToken);
        foreach (var index in _indexes) await MongoIndexes.EnsureAsync(_collection, MongoIndexes.For(index), cancellationToken);
        await _projections.RebuildStaleAsync(_context.Client, cancellationToken);
    }

    public async Task<T?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("find", _collectionName);
        return await MongoFailures.Guard(async () => (T?)await _collection.Find(a => a.Id == id).FirstOrDefaultAsync(cancellationToken));
    }

    public async Task<bool> SaveAsync(T aggregate, ProcessedMessage? processedMessage = null, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("save", _collectionName);
        var outbox = OutboxMessage.ForAll(aggregate.PendingEvents(), Activity.Current?.Id);
        var expected = aggregate.Version;
        var actor = ChangeActor.For(processedMessage);
        try
        {
            using var session = await _context.Client.StartSessionAsync(cancellationToken: cancellationToken);
            // WithTransactionAsync retries transient write conflicts (and an unknown commit result);
            // our own version filter then turns a lost race into a ConcurrencyConflictException.
            var written = await session.WithTransactionAsync(async (s, ct) =>
            {
                aggregate.RestoreVersion(expected);
                if (processedMessage is not null && !await MongoInbox.RecordAsync(_context.Inbox, s, processedMessage, ct)) return false;
                // One read of the stored state, in the session, serves the projections and the history;
                // the version filter of the write that follows refuses a stale save.
                var before = expected == 0 ? null : await _collection.Find(s, a => a.Id == aggregate.Id).FirstOrDefaultAsync(ct);
                await _projections.ApplyAsync(s, aggregate, before, ct);
                await WriteAsync(s, aggregate, expected, ct);
                await _history.InsertOneAsync(s, HistoryRecord.Of(before, aggregate, expected + 1, actor, DateTimeOffset.UtcNow), cancellationToken: ct);
                if (outbox.Count > 0)
                {
                    await MongoOutboxSequence.AssignAsync(_context, s, outbox, ct);
                    await _context.Outbox.InsertManyAsync(s, outbox, cancellationToken: ct);
                }
                return true;
            }, MongoDatabaseContext.Transactions, cancellationToken);
            if (!written)
            {
                aggregate.RestoreVersion(expected);
                return false;
            }
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            aggregate.RestoreVersion(expected);
            throw new DuplicateKeyException(_collectionName, ex);
        }
        catch (Exception ex) when (MongoFailures.IsUnavailable(ex))
        {
            aggregate.RestoreVersion(expected);
            throw new StoreUnavailableException(ex);
        }
        catch
        {
            aggregate.RestoreVersion(expected);
            throw;
        }
        aggregate.MarkSaved(expected + 1);
        if (outbox.Count > 0) _signal.Notify();
        return true;
    }

    private async Task WriteAsync(IClientSessionHandle session, T aggregate, long expected, CancellationToken ct)
    {
        aggregate.RestoreVersion(expected + 1);
        if (expected == 0)
        {
            await _collection.InsertOneAsync(session, aggregate, cancellationToken: ct);
            return;
        }
        var result = await _collection.UpdateOneAsync(session, a => a.Id == aggregate.Id && a.Version == expected, SetKnownFields(aggregate),
            cancellationToken: ct);
        if (result.MatchedCount == 0) throw new ConcurrencyConflictException(_collectionName, aggregate.Id);
    }

    /// <summary>
    /// $set of every field this release knows, not a replacement of the document: while a rolling
    /// deploy runs two releases, the older one must not erase the top-level fields only the newer
    /// one writes. (A list of nested values is set as a whole, so fields a newer release added
    /// inside list items do not survive a save by the older one: see README, Known limits.)
    /// </summary>
    public UpdateDefinition<T> SetKnownFields(T aggregate)
    {
        var document = new BsonDocument();
        using (var writer = new BsonDocumentWriter(document))
            _collection.DocumentSerializer.Serialize(BsonSerializationContext.CreateRoot(writer), aggregate);
        document.Remove("_id");
        return new BsonDocumentUpdateDefinition<T>(new BsonDocument("$set", document));
    }

    public async Task<IReadOnlyList<HistoryRecord>> ReadHistoryAsync(Guid id, long afterVersion, int take, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("read history", _collectionName);
        var kind = HistoryKeys.KindOf<T>();
        var range = Builders<HistoryRecord>.Filter.Gt(r => r.Id, HistoryKeys.Of(kind, id, afterVersion))
            & Builders<HistoryRecord>.Filter.Lt(r => r.Id, HistoryKeys.End(kind, id));
        return await MongoFailures.Guard(async () =>
            (IReadOnlyList<HistoryRecord>)await _history.Find(range).SortBy(r => r.Id).Limit(take).ToListAsync(cancellationToken));
    }

    public async Task<long> CountHistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("count history", _collectionName);
        var kind = HistoryKeys.KindOf<T>();
        var range = Builders<HistoryRecord>.Filter.Gte(r => r.Id, HistoryKeys.Prefix(kind, id))
            & Builders<HistoryRecord>.Filter.Lt(r => r.Id, HistoryKeys.End(kind, id));
        return await MongoFailures.Guard(() => _history.CountDocumentsAsync(range, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<T>> QueryAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, int skip, int take, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("query", _collectionName);
        var find = _collection.Find(filter);
        var sorted = order.Descending ? find.SortByDescending(order.Key) : find.SortBy(order.Key);
        return await MongoFailures.Guard(async () => (IReadOnlyList<T>)await sorted.Skip(skip).Limit(take).ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<T>> QueryAfterAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, string? afterKey, int take,
        CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("query", _collectionName);
        FilterDefinition<T> matching = filter;
        if (afterKey is not null)
            matching &= order.Descending ? Builders<T>.Filter.Lt(order.StringKey(), afterKey) : Builders<T>.Filter.Gt(order.StringKey(), afterKey);
        var find = _collection.Find(matching);
        var sorted = order.Descending ? find.SortByDescending(order.Key) : find.SortBy(order.Key);
        return await MongoFailures.Guard(async () => (IReadOnlyList<T>)await sorted.Limit(take).ToListAsync(cancellationToken));
    }

    public async Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("count", _collectionName);
        return await MongoFailures.Guard(() => _collection.CountDocumentsAsync(filter, cancellationToken: cancellationToken));
    }
}
