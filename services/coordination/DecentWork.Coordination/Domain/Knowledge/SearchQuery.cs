using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>
/// A query as index reads: its words (at most <see cref="SearchText.MaxQueryWords"/>), and which
/// bucket ranges to read for each within the caller's scopes. An exact word reads one range per
/// scope, so a country office never reads another country's buckets. The last word, when it has
/// 3 or more letters, also matches the longer words it begins: that range spans every scope and is
/// filtered here, so its cost grows with the words of that beginning everywhere (documented).
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Words)
{
    public static SearchQuery Parse(string text) => new([.. SearchText.Words(text).Take(SearchText.MaxQueryWords)]);

    public bool IsPrefix(int index) => index == Words.Count - 1 && Words[index].Length >= SearchText.MinPrefixLength;

    /// <param name="scopes">The country codes the caller sees, or null for every country; global things are always seen.</param>
    public IEnumerable<BucketRange> RangesFor(int index, IReadOnlySet<string>? scopes)
    {
        var word = Words[index];
        if (IsPrefix(index)) return [BucketRange.Prefix(word)];
        if (scopes is null) return [BucketRange.Prefix(word + BucketKey.Separator)];
        return scopes.Append(SearchIndex.GlobalScope).Distinct().Order(StringComparer.Ordinal)
            .Select(scope => BucketRange.Prefix(BucketKey.Of(word, scope) + BucketKey.Separator));
    }

    /// <summary>Keeps the buckets of a prefix read that fall inside the caller's scopes.</summary>
    public static bool InScope(Bucket bucket, IReadOnlySet<string>? scopes)
    {
        if (scopes is null) return true;
        var parts = bucket.Parts;
        return parts.Length > 1 && (parts[1] == SearchIndex.GlobalScope || scopes.Contains(parts[1]));
    }
}
