using System.Linq.Expressions;
using System.Text;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// AIP-158 paging: page_size defaults to 50 and is capped at 200; page_token is an opaque offset.
/// The token is only base64 of the offset, so callers must not depend on its content.
/// </summary>
public readonly record struct Page(int Skip, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static Page From(int pageSize, string? pageToken, FieldViolations violations)
    {
        violations.Check(pageSize < 0, "page_size", "must not be negative");
        var skip = 0;
        if (!string.IsNullOrEmpty(pageToken) && !TryDecode(pageToken, out skip))
            violations.Add("page_token", "is not a token returned by this list");
        return new Page(skip, pageSize <= 0 ? DefaultSize : Math.Min(pageSize, MaxSize));
    }

    /// <summary>The token for the page after this one, or "" when this page reached the end.</summary>
    public string NextToken(long total) =>
        Skip + Size < total ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{Skip + Size}")) : "";

    private static bool TryDecode(string token, out int skip)
    {
        skip = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], out skip) && skip >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>One page of a list RPC: the items in order, how many match in all, the next page's token ("" on the last).</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int TotalSize, string NextPageToken);

public static class PagingExtensions
{
    /// <summary>The count, the page and its token that every list RPC answers with, from one filter and order.</summary>
    public static async Task<PageOf<T>> PageAsync<T>(this IAggregateStore<T> store, Expression<Func<T, bool>> filter, SortOrder<T> order,
        Page page, CancellationToken cancellationToken) where T : Aggregate
    {
        var total = await store.CountAsync(filter, cancellationToken);
        var items = await store.QueryAsync(filter, order, page.Skip, page.Size, cancellationToken);
        return new PageOf<T>(items, (int)total, page.NextToken(total));
    }
}
