namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// A report's view of one aggregate type, kept up to date by the store itself: on every save the
/// store takes what the new state contributes, subtracts what the stored state contributed, and
/// adds the difference to the buckets in the same transaction as the write. A conflict, a
/// duplicate, an inbox redelivery or a rollback therefore changes no bucket, and a report reads a
/// few buckets instead of every record. Figures must be additive (counts, exact money sums); a
/// share or a rate is computed by the report from additive figures.
/// </summary>
public abstract class Projection<T> where T : Aggregate
{
    /// <summary>Unique among a service's projections; letters, digits, '-', '_' and '.' only.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Bump it whenever <see cref="Contribute"/> changes what it produces: at start-up the store
    /// rebuilds the buckets of a projection that is new or whose version differs from the stored one.
    /// </summary>
    public virtual int Version => 1;

    /// <summary>Adds what one aggregate state contributes. Pure: the same state, the same contributions.</summary>
    public abstract void Contribute(T state, Contributions contributions);

    /// <summary>
    /// The buckets these states make, in key order, computed in memory exactly as the store keeps
    /// them: lets a report's pure function be tested, or run, over a handful of aggregates.
    /// </summary>
    public IReadOnlyList<Bucket> BucketsOf(IEnumerable<T> states) =>
        [.. ProjectionDeltas.Sum(this, states)
            .Select(b => ProjectionDeltas.ToBucket(b.Key, b.Value))
            .OrderBy(b => b.Key, StringComparer.Ordinal)];
}

/// <summary>What one aggregate state adds to the buckets of one projection: bucket key → figure → amount.</summary>
public sealed class Contributions
{
    internal Dictionary<string, Dictionary<string, decimal>> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="amount"/> to one figure of one bucket (see <see cref="BucketKey.Of"/>).</summary>
    public Contributions Add(string bucketKey, string figure, decimal amount)
    {
        BucketKey.CheckKey(bucketKey);
        BucketKey.CheckFigure(figure);
        if (!Buckets.TryGetValue(bucketKey, out var figures)) Buckets[bucketKey] = figures = new(StringComparer.Ordinal);
        figures[figure] = figures.GetValueOrDefault(figure) + amount;
        return this;
    }

    /// <summary>Counts the state once in the bucket (figure <paramref name="figure"/>, default "count").</summary>
    public Contributions Count(string bucketKey, string figure = Bucket.CountFigure) => Add(bucketKey, figure, 1m);
}
