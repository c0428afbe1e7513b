using System.Linq.Expressions;
using DecentWork.ServiceDefaults.Storage.History;

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

    /// <summary>
    /// For lookups of the first few matches (skip 0). Lists and full reads page by key with
    /// <see cref="QueryAfterAsync"/>: an offset re-scans from the start and skips or repeats records under writes.
    /// </summary>
    Task<IReadOnlyList<T>> QueryAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keyset paging: up to <paramref name="take"/> aggregates matching the filter whose sort key
    /// (a string member, unique) comes strictly after <paramref name="afterKey"/> in the order
    /// (before it when descending), or from the start when it is null. A record written while a
    /// caller pages is seen once or, when its key falls behind the cursor, not at all; never twice.
    /// </summary>
    Task<IReadOnlyList<T>> QueryAfterAsync(Expression<Func<T, bool>> filter, SortOrder<T> order, string? afterKey, int take,
        CancellationToken cancellationToken = default);

    Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="take"/> history records of one aggregate with a version above
    /// <paramref name="afterVersion"/>, oldest first. Every save writes one, in its transaction
    /// (see <see cref="HistoryRecord"/>); they are never pruned.
    /// </summary>
    Task<IReadOnlyList<HistoryRecord>> ReadHistoryAsync(Guid id, long afterVersion, int take, CancellationToken cancellationToken = default);

    /// <summary>How many history records one aggregate has.</summary>
    Task<long> CountHistoryAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <summary>One sort key; both adapters page on a single key, so make it unique (append the id).</summary>
public sealed record SortOrder<T>(Expression<Func<T, object>> Key, bool Descending = false)
{
    private Func<T, object>? _compiled;

    /// <summary>The key as a string member access, which keyset paging compares in both stores.</summary>
    public Expression<Func<T, string>> StringKey()
    {
        var body = Key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : Key.Body;
        if (body.Type != typeof(string))
            throw new ArgumentException($"Keyset paging needs a string sort key; {Key} is {body.Type.Name}.");
        return Expression.Lambda<Func<T, string>>(body, Key.Parameters);
    }

    /// <summary>The sort key of one aggregate, as the next page's token holds it.</summary>
    public string KeyOf(T aggregate) => (string)(_compiled ??= Key.Compile())(aggregate);
}

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

/// <summary>
/// The store could not be reached or had no writable primary in time. A save fails whole or not at
/// all (one transaction), so the caller may retry after <see cref="RetryAfter"/>: a retried save
/// that had in fact committed meets the version check or its request id.
/// </summary>
public sealed class StoreUnavailableException(Exception inner)
    : Exception("The data store is unavailable for the moment; retry shortly.", inner)
{
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(1);
}
