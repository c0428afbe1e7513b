using System.Diagnostics;
using System.Linq.Expressions;
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
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _context.EnsureOutboxIndexesAsync(cancellationToken);
        foreach (var index in _indexes)
        {
            var keys = Builders<T>.IndexKeys.Ascending(index.Field);
            await _collection.Indexes.CreateOneAsync(
                new CreateIndexModel<T>(keys, new CreateIndexOptions { Unique = index.Unique }), cancellationToken: cancellationToken);
        }
        await _projections.RebuildStaleAsync(_context.Client, cancellationToken);
    }

    public async Task<T?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("find", _collectionName);
        return await _collection.Find(a => a.Id == id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> SaveAsync(T aggregate, ProcessedMessage? processedMessage = null, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("save", _collectionName);
        var outbox = OutboxMessage.ForAll(aggregate.PendingEvents(), Activity.Current?.Id);
        var expected = aggregate.Version;
        using var session = await _context.Client.StartSessionAsync(cancellationToken: cancellationToken);
        try
        {
            // WithTransactionAsync retries transient write conflicts; our own version filter then
            // turns a lost race into a ConcurrencyConflictException.
            var written = await session.WithTransactionAsync(async (s, ct) =>
            {
                aggregate.RestoreVersion(expected);
                if (processedMessage is not null)
                {
                    var seen = await _context.Inbox.Find(s, e => e.Id == processedMessage.Key).AnyAsync(ct);
                    if (seen) return false;
                    await _context.Inbox.InsertOneAsync(s, new InboxEntry(processedMessage.Key, DateTime.UtcNow), cancellationToken: ct);
                }
                await _projections.ApplyAsync(s, aggregate, expected, ct);
                await WriteAsync(s, aggregate, expected, ct);
                if (outbox.Count > 0) await _context.Outbox.InsertManyAsync(s, outbox, cancellationToken: ct);
                return true;
            }, cancellationToken: cancellationToken);
            if (!written) return false;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            aggregate.RestoreVersion(expected);
            throw new DuplicateKeyException(_collectionName, ex);
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
        var result = await _collection.ReplaceOneAsync(session, a => a.Id == aggregate.Id && a.Version == expected, aggregate, cancellationToken: ct);
        if (result.MatchedCount == 0) throw new ConcurrencyConflictException(_collectionName, aggregate.Id);
    }

    public async Task<IReadOnlyList<T>> QueryAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, int skip, int take, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("query", _collectionName);
        var find = _collection.Find(filter);
        var sorted = order.Descending ? find.SortByDescending(order.Key) : find.SortBy(order.Key);
        return await sorted.Skip(skip).Limit(take).ToListAsync(cancellationToken);
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
        return await sorted.Limit(take).ToListAsync(cancellationToken);
    }

    public async Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("count", _collectionName);
        return await _collection.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
    }
}
