namespace DecentWork.ServiceDefaults.Storage;

/// <summary>The change one save makes to one bucket; the adapters store it as "projection/key".</summary>
internal sealed record BucketDelta(string Id, IReadOnlyDictionary<string, decimal> Figures);

/// <summary>
/// What both adapters compute the same way: the non-zero differences between what the stored
/// state and the new state contribute, and the full contributions of every state for a rebuild.
/// </summary>
internal static class ProjectionDeltas
{
    public const char NameSeparator = '/';

    public static string BucketId(string projection, string key) => $"{projection}{NameSeparator}{key}";

    /// <summary>Ids of every bucket of the projection sort between these two (both stores compare ids ordinally).</summary>
    public static (string From, string Until) IdRange(string projection, BucketRange range) =>
        (BucketId(projection, range.From), BucketId(projection, range.Until));

    public static void CheckNames<T>(IReadOnlyList<Projection<T>> projections) where T : Aggregate
    {
        foreach (var projection in projections) BucketKey.CheckName(projection.Name);
        if (projections.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != projections.Count)
            throw new ArgumentException($"Two projections of {typeof(T).Name} share a name.");
    }

    public static List<BucketDelta> Between<T>(IReadOnlyList<Projection<T>> projections, T? before, T after) where T : Aggregate
    {
        var deltas = new List<BucketDelta>();
        foreach (var projection in projections)
        {
            var sums = Of(projection, after);
            if (before is not null)
                foreach (var (key, figures) in Of(projection, before))
                {
                    if (!sums.TryGetValue(key, out var into)) sums[key] = into = new(StringComparer.Ordinal);
                    foreach (var (figure, amount) in figures) into[figure] = into.GetValueOrDefault(figure) - amount;
                }
            foreach (var (key, figures) in sums)
            {
                var changed = figures.Where(f => f.Value != 0m).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
                if (changed.Count > 0) deltas.Add(new BucketDelta(BucketId(projection.Name, key), changed));
            }
        }
        return deltas;
    }

    /// <summary>Adds a delta to a bucket's figures; figures that reach zero disappear.</summary>
    public static void AddTo(Dictionary<string, decimal> figures, IReadOnlyDictionary<string, decimal> delta)
    {
        foreach (var (figure, amount) in delta)
        {
            var sum = figures.GetValueOrDefault(figure) + amount;
            if (sum == 0m) figures.Remove(figure);
            else figures[figure] = sum;
        }
    }

    /// <summary>Everything a set of states contributes, summed per bucket id: what a rebuild writes.</summary>
    public static Dictionary<string, Dictionary<string, decimal>> Sum<T>(Projection<T> projection, IEnumerable<T> states) where T : Aggregate
    {
        var all = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var state in states)
            foreach (var (key, figures) in Of(projection, state))
            {
                var id = BucketId(projection.Name, key);
                if (!all.TryGetValue(id, out var into)) all[id] = into = new(StringComparer.Ordinal);
                AddTo(into, figures);
            }
        foreach (var empty in all.Where(b => b.Value.Count == 0).Select(b => b.Key).ToList()) all.Remove(empty);
        return all;
    }

    public static Bucket ToBucket(string id, IReadOnlyDictionary<string, decimal> figures) =>
        new(id[(id.IndexOf(NameSeparator) + 1)..], figures);

    private static Dictionary<string, Dictionary<string, decimal>> Of<T>(Projection<T> projection, T state) where T : Aggregate
    {
        var contributions = new Contributions();
        projection.Contribute(state, contributions);
        return contributions.Buckets;
    }
}
