using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>One thing found: what and which, its scope, its score and date; <see cref="SortKey"/> orders and pages the results.</summary>
public sealed record SearchHit(string Kind, Guid Id, string Scope, int Score, int Date)
{
    public const int TitleWordScore = 3;
    public const int TextWordScore = 1;

    /// <summary>Higher score first, then newer date, then kind and id: unique, ordinal, stable across pages.</summary>
    public string SortKey => string.Create(CultureInfo.InvariantCulture, $"{9999 - Score:D4}|{99999999 - Date:D8}|{Kind}|{Id:N}");

    public string CountryCode => Scope == SearchIndex.GlobalScope ? "" : Scope;
}

/// <summary>
/// The ranking, pure over the buckets read for each word of a query: a thing must match every
/// word; each word scores 3 when it is in the title and 1 when it is only elsewhere (for the
/// prefix word, the best of the words it begins); the score is the sum. Simple on purpose:
/// titles matter most, and a tie goes to the newer thing.
/// </summary>
public static class SearchRanking
{
    /// <param name="bucketsPerWord">For each query word, the index buckets read for it (already limited to the caller's scopes).</param>
    public static IReadOnlyList<SearchHit> Rank(IReadOnlyList<IReadOnlyList<Bucket>> bucketsPerWord)
    {
        if (bucketsPerWord.Count == 0) return [];
        Dictionary<(string Kind, Guid Id), SearchHit>? hits = null;
        foreach (var buckets in bucketsPerWord)
        {
            var forWord = new Dictionary<(string, Guid), SearchHit>();
            foreach (var bucket in buckets)
            {
                var parts = bucket.Parts;
                if (parts.Length != 4 || !Guid.TryParseExact(parts[3], "N", out var id)) continue;
                var score = bucket[SearchIndex.TitleFigure] > 0 ? SearchHit.TitleWordScore : SearchHit.TextWordScore;
                var hit = new SearchHit(parts[2], id, parts[1], score, (int)bucket[SearchIndex.DateFigure]);
                if (!forWord.TryGetValue((hit.Kind, id), out var held) || held.Score < score) forWord[(hit.Kind, id)] = hit;
            }
            hits = hits is null
                ? forWord
                : hits.Where(h => forWord.ContainsKey(h.Key))
                    .ToDictionary(h => h.Key, h => h.Value with { Score = h.Value.Score + forWord[h.Key].Score });
        }
        return [.. hits!.Values.OrderBy(h => h.SortKey, StringComparer.Ordinal)];
    }
}
