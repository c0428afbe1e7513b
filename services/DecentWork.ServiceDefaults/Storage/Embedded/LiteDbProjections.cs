using LiteDB;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

/// <summary>
/// The embedded store's side of <see cref="Projection{T}"/>: applies a save's bucket deltas inside
/// the save's LiteDB transaction, and rebuilds a projection at start-up when it is new or its
/// version changed. Every bucket of the service lives in one collection, keyed "projection/key".
/// </summary>
internal sealed class LiteDbProjections<T> where T : Aggregate
{
    private readonly IReadOnlyList<Projection<T>> projections;

    public LiteDbProjections(IReadOnlyList<Projection<T>> projections)
    {
        ProjectionDeltas.CheckNames(projections);
        this.projections = projections;
    }

    public bool Any => projections.Count > 0;

    /// <summary>Called inside the save's transaction, before the write, with the stored state the save read (null when new).</summary>
    public void Apply(LiteDatabase database, T aggregate, T? before)
    {
        if (!Any) return;
        var buckets = database.GetCollection(LiteDbBuckets.Collection);
        foreach (var delta in ProjectionDeltas.Between(projections, before, aggregate)) AddTo(buckets, delta.Id, delta.Figures);
    }

    /// <summary>
    /// A batch of new aggregates' contributions, summed per bucket before any is read, so a bucket
    /// that many of the batch share (a year's, a partner's) is read and written once per batch, not
    /// once per aggregate. The buckets end as applying the aggregates one by one leaves them.
    /// </summary>
    public void ApplyInserted(LiteDatabase database, IReadOnlyList<T> inserted)
    {
        if (!Any) return;
        var buckets = database.GetCollection(LiteDbBuckets.Collection);
        foreach (var projection in projections)
            foreach (var (id, figures) in ProjectionDeltas.Sum(projection, inserted)) AddTo(buckets, id, figures);
    }

    private static void AddTo(ILiteCollection<BsonDocument> buckets, string id, IReadOnlyDictionary<string, decimal> delta)
    {
        var figures = LiteDbBuckets.Figures(buckets.FindById(id));
        ProjectionDeltas.AddTo(figures, delta);
        if (figures.Count == 0) buckets.Delete(id);
        else buckets.Upsert(LiteDbBuckets.ToDocument(id, figures));
    }

    /// <summary>
    /// Rebuilds, in one transaction, every projection whose stored version differs from its own.
    /// Running it again changes nothing; it runs before the service takes traffic.
    /// </summary>
    public void RebuildStale(LiteDatabase database, Func<LiteDatabase, IEnumerable<T>> everyState)
    {
        var versions = database.GetCollection(LiteDbBuckets.VersionCollection);
        var stale = projections.Where(p => versions.FindById(p.Name) is not { } v || v["version"].AsInt32 != p.Version).ToList();
        if (stale.Count == 0) return;
        database.BeginTrans();
        try
        {
            var buckets = database.GetCollection(LiteDbBuckets.Collection);
            foreach (var projection in stale)
            {
                var (from, until) = ProjectionDeltas.IdRange(projection.Name, BucketRange.Prefix(""));
                buckets.DeleteMany(Query.And(Query.GTE("_id", from), Query.LT("_id", until)));
                foreach (var (id, figures) in ProjectionDeltas.Sum(projection, everyState(database))) buckets.Insert(LiteDbBuckets.ToDocument(id, figures));
                versions.Upsert(new BsonDocument { ["_id"] = projection.Name, ["version"] = projection.Version });
            }
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }
}

/// <summary>Where and how the embedded store keeps buckets: one collection for every projection of the service.</summary>
internal static class LiteDbBuckets
{
    public const string Collection = "projection_buckets";
    public const string VersionCollection = "projection_versions";

    internal static Dictionary<string, decimal> Figures(BsonDocument? bucket) =>
        bucket?["figures"] is { IsDocument: true } figures
            ? figures.AsDocument.ToDictionary(f => f.Key, f => f.Value.AsDecimal, StringComparer.Ordinal)
            : new Dictionary<string, decimal>(StringComparer.Ordinal);

    public static BsonDocument ToDocument(string id, Dictionary<string, decimal> figures)
    {
        var document = new BsonDocument();
        foreach (var (figure, amount) in figures) document[figure] = new BsonValue(amount);
        return new BsonDocument { ["_id"] = id, ["figures"] = document };
    }
}

/// <summary>Reads buckets for reports: one range scan of the id index.</summary>
public sealed class LiteDbProjectionReader(LiteDbDatabase db) : IProjectionReader
{
    public Task<IReadOnlyList<Bucket>> ReadAsync(string projection, BucketRange range, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("read buckets", projection);
        var (from, until) = ProjectionDeltas.IdRange(projection, range);
        // One index range, both bounds in it: an And of GTE and LT lets LiteDB seek on one bound
        // and filter the other, so a read scanned every bucket stored after its range (other
        // projections included), and reports slowed as those grew. Between is inclusive; the
        // exclusive upper bound is applied on the few ids read.
        return Task.FromResult<IReadOnlyList<Bucket>>(db.Run(d => d.GetCollection(LiteDbBuckets.Collection)
            .Find(Query.Between("_id", from, until))
            .Where(b => string.CompareOrdinal(b["_id"].AsString, until) < 0)
            .Select(b => ProjectionDeltas.ToBucket(b["_id"].AsString, LiteDbBuckets.Figures(b)))
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .ToList()));
    }
}
