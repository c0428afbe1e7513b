using MongoDB.Bson;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// MongoDB's side of <see cref="Projection{T}"/>: applies a save's bucket deltas inside the save's
/// session transaction (a concurrent save of the same bucket is a write conflict, which the
/// transaction retries whole), and rebuilds a stale projection in one transaction at start-up,
/// re-checking the version inside it so two instances starting at once rebuild once.
/// </summary>
internal sealed class MongoProjections<T> where T : Aggregate
{
    private readonly IMongoCollection<T> _aggregates;
    private readonly IMongoCollection<BsonDocument> _buckets;
    private readonly IMongoCollection<BsonDocument> _versions;
    private readonly IReadOnlyList<Projection<T>> _projections;

    public MongoProjections(IMongoDatabase database, IMongoCollection<T> aggregates, IReadOnlyList<Projection<T>> projections)
    {
        ProjectionDeltas.CheckNames(projections);
        _aggregates = aggregates;
        _projections = projections;
        _buckets = database.GetCollection<BsonDocument>(MongoBuckets.Collection);
        _versions = database.GetCollection<BsonDocument>(MongoBuckets.VersionCollection);
    }

    public bool Any => _projections.Count > 0;

    /// <summary>Called inside the save's transaction, before the write, with the stored state the save read in the session (null when new).</summary>
    public async Task ApplyAsync(IClientSessionHandle session, T aggregate, T? before, CancellationToken cancellationToken)
    {
        if (!Any) return;
        foreach (var delta in ProjectionDeltas.Between(_projections, before, aggregate))
        {
            var filter = Builders<BsonDocument>.Filter.Eq("_id", delta.Id);
            var figures = MongoBuckets.Figures(await _buckets.Find(session, filter).FirstOrDefaultAsync(cancellationToken));
            ProjectionDeltas.AddTo(figures, delta.Figures);
            if (figures.Count == 0) await _buckets.DeleteOneAsync(session, filter, cancellationToken: cancellationToken);
            else await _buckets.ReplaceOneAsync(session, filter, MongoBuckets.ToDocument(delta.Id, figures),
                new ReplaceOptions { IsUpsert = true }, cancellationToken);
        }
    }

    public async Task RebuildStaleAsync(IMongoClient client, CancellationToken cancellationToken)
    {
        foreach (var projection in _projections)
        {
            if (await IsCurrentAsync(null, projection, cancellationToken)) continue;
            using var session = await client.StartSessionAsync(cancellationToken: cancellationToken);
            await session.WithTransactionAsync(async (s, ct) =>
            {
                if (await IsCurrentAsync(s, projection, ct)) return true;
                var (from, until) = ProjectionDeltas.IdRange(projection.Name, BucketRange.Prefix(""));
                await _buckets.DeleteManyAsync(s, MongoBuckets.IdBetween(from, until), cancellationToken: ct);
                // Streamed from a cursor: only the buckets are held in memory, not the aggregates.
                var states = _aggregates.Find(s, FilterDefinition<T>.Empty).ToEnumerable(ct);
                var documents = ProjectionDeltas.Sum(projection, states).Select(b => MongoBuckets.ToDocument(b.Key, b.Value)).ToList();
                if (documents.Count > 0) await _buckets.InsertManyAsync(s, documents, cancellationToken: ct);
                await _versions.ReplaceOneAsync(s, Builders<BsonDocument>.Filter.Eq("_id", projection.Name),
                    new BsonDocument { ["_id"] = projection.Name, ["version"] = projection.Version }, new ReplaceOptions { IsUpsert = true }, ct);
                return true;
            }, cancellationToken: cancellationToken);
        }
    }

    private async Task<bool> IsCurrentAsync(IClientSessionHandle? session, Projection<T> projection, CancellationToken cancellationToken)
    {
        var filter = Builders<BsonDocument>.Filter.Eq("_id", projection.Name);
        var stored = session is null
            ? await _versions.Find(filter).FirstOrDefaultAsync(cancellationToken)
            : await _versions.Find(session, filter).FirstOrDefaultAsync(cancellationToken);
        return stored is not null && stored["version"].AsInt32 == projection.Version;
    }
}

/// <summary>Where and how MongoDB keeps buckets: one collection for every projection of the service, money as Decimal128.</summary>
internal static class MongoBuckets
{
    public const string Collection = "projection_buckets";
    public const string VersionCollection = "projection_versions";

    public static FilterDefinition<BsonDocument> IdBetween(string from, string until) =>
        Builders<BsonDocument>.Filter.Gte("_id", from) & Builders<BsonDocument>.Filter.Lt("_id", until);

    public static Dictionary<string, decimal> Figures(BsonDocument? bucket) =>
        bucket is not null && bucket.TryGetValue("figures", out var figures) && figures.IsBsonDocument
            ? figures.AsBsonDocument.ToDictionary(f => f.Name, f => f.Value.AsDecimal, StringComparer.Ordinal)
            : new Dictionary<string, decimal>(StringComparer.Ordinal);

    public static BsonDocument ToDocument(string id, Dictionary<string, decimal> figures)
    {
        var document = new BsonDocument();
        foreach (var (figure, amount) in figures) document[figure] = new BsonDecimal128(amount);
        return new BsonDocument { ["_id"] = id, ["figures"] = document };
    }
}

/// <summary>Reads buckets for reports: one range scan of the _id index.</summary>
public sealed class MongoProjectionReader(MongoDatabaseContext context) : IProjectionReader
{
    public async Task<IReadOnlyList<Bucket>> ReadAsync(string projection, BucketRange range, CancellationToken cancellationToken = default)
    {
        using var activity = StorageTelemetry.Start("read buckets", projection);
        var (from, until) = ProjectionDeltas.IdRange(projection, range);
        var found = await context.Database.GetCollection<BsonDocument>(MongoBuckets.Collection)
            .Find(MongoBuckets.IdBetween(from, until)).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).ToListAsync(cancellationToken);
        return [.. found.Select(b => ProjectionDeltas.ToBucket(b["_id"].AsString, MongoBuckets.Figures(b)))];
    }
}
