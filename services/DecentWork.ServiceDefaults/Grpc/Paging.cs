using System.Linq.Expressions;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// AIP-158 paging by key: page_size defaults to 50 and is capped at 200; page_token holds the sort
/// key of the last item returned, sealed by <see cref="PageTokens"/>, so the next page starts
/// strictly after it. Unlike an offset, a record written meanwhile never makes a page repeat or
/// skip another record. A token that was not sealed here (forged, mangled, from another
/// deployment) is INVALID_ARGUMENT naming page_token.
/// </summary>
public readonly record struct Page(string? After, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static Page From(int pageSize, string? pageToken, FieldViolations violations)
    {
        violations.Check(pageSize < 0, "page_size", "must not be negative");
        string? after = null;
        if (!string.IsNullOrEmpty(pageToken) && !PageTokens.TryOpen(pageToken, out after))
            violations.Add("page_token", "is not a token returned by this list");
        return new Page(after, pageSize <= 0 ? DefaultSize : Math.Min(pageSize, MaxSize));
    }

    /// <summary>
    /// One page of rows already in memory (a report's rows), ordered ordinally by
    /// <paramref name="sortKey"/>, which must be unique: the rows after the token's key.
    /// </summary>
    public PageOf<T> Of<T>(IReadOnlyList<T> ordered, Func<T, string> sortKey)
    {
        var after = After;
        var rest = after is null ? ordered : [.. ordered.Where(row => string.CompareOrdinal(sortKey(row), after) > 0)];
        var items = rest.Take(Size).ToList();
        var next = rest.Count > Size ? PageTokens.Seal(sortKey(items[^1])) : "";
        return new PageOf<T>(items, ordered.Count, next);
    }
}

/// <summary>
/// One page of a list RPC: the items in order, how many matched when the page was read (under
/// concurrent writes a count of that moment, not a promise about later pages), the next page's
/// token ("" on the last).
/// </summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int TotalSize, string NextPageToken);

public static class PagingExtensions
{
    /// <summary>The count, the page and its token that every list RPC answers with, from one filter and order.</summary>
    public static async Task<PageOf<T>> PageAsync<T>(this IAggregateStore<T> store, Expression<Func<T, bool>> filter, SortOrder<T> order,
        Page page, CancellationToken cancellationToken) where T : Aggregate
    {
        var total = await store.CountAsync(filter, cancellationToken);
        // One more than asked tells whether a next page exists without a second query.
        var found = await store.QueryAfterAsync(filter, order, page.After, page.Size + 1, cancellationToken);
        var items = found.Take(page.Size).ToList();
        var next = found.Count > page.Size ? PageTokens.Seal(order.KeyOf(items[^1])) : "";
        return new PageOf<T>(items, (int)Math.Min(total, int.MaxValue), next);
    }
}
