using System.Linq.Expressions;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// The storage port: what aggregates need, nothing more. Two adapters implement it, MongoDB and
/// embedded LiteDB, and one contract test suite holds both to the same behaviour.
/// </summary>
public interface IAggregateStore<T> where T : Aggregate
{
    Task<T?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts the aggregate (version 0) or replaces it when the stored version still equals the
    /// aggregate's, and writes its pending events to the outbox, all in one transaction.
    /// When <paramref name="processedMessage"/> is given, it is recorded in the inbox in the same
    /// transaction; if it was recorded before, nothing is written and the result is false.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Someone saved a newer version first.</exception>
    /// <exception cref="DuplicateKeyException">The id or a unique index value is taken.</exception>
    Task<bool> SaveAsync(T aggregate, ProcessedMessage? processedMessage = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<T>> QueryAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, int skip, int take, CancellationToken cancellationToken = default);

    Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken cancellationToken = default);
}

/// <summary>One sort key; both adapters page on a single key, so make it unique (append the id).</summary>
public sealed record SortOrder<T>(Expression<Func<T, object>> Key, bool Descending = false);

/// <summary>A message a consumer has applied, kept so that a redelivery is applied once.</summary>
public sealed record ProcessedMessage(string Consumer, Guid MessageId)
{
    public string Key => $"{Consumer}:{MessageId:N}";
}

public sealed class ConcurrencyConflictException(string collection, Guid id)
    : Exception($"{collection}/{id} was changed by someone else; read it again and retry.")
{
    /// <summary>The aggregate's id, which callers are told (the collection's name is not theirs to know).</summary>
    public Guid Id { get; } = id;
}

public sealed class DuplicateKeyException(string collection, Exception inner)
    : Exception($"A document in {collection} already has this key.", inner);
