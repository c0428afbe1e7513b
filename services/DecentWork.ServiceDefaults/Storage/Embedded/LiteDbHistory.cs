using DecentWork.ServiceDefaults.Storage.History;
using LiteDB;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

/// <summary>
/// The embedded store's history collection: written inside a save's transaction, read by key range.
/// Ranges are one Between over zero-padded versions, both bounds inside the aggregate's prefix: an And
/// of two bounds lets LiteDB seek on one and scan every later key (see LiteDbProjections.ReadAsync).
/// </summary>
internal static class LiteDbHistory
{
    public static void Record<T>(LiteDatabase database, T? before, T after, long version, ChangeActor actor) where T : Aggregate =>
        Collection(database).Insert(HistoryRecord.Of(before, after, version, actor, DateTimeOffset.UtcNow));

    public static IReadOnlyList<HistoryRecord> Read<T>(LiteDatabase database, Guid id, long afterVersion, int take) where T : Aggregate
    {
        var kind = HistoryKeys.KindOf<T>();
        if (afterVersion == long.MaxValue) return [];
        return Collection(database).Query()
            .Where(Query.Between("_id", HistoryKeys.Of(kind, id, afterVersion + 1), HistoryKeys.Of(kind, id, long.MaxValue)))
            .OrderBy(r => r.Id)
            .Limit(take)
            .ToList();
    }

    public static long Count<T>(LiteDatabase database, Guid id) where T : Aggregate
    {
        var kind = HistoryKeys.KindOf<T>();
        return Collection(database).LongCount(Query.Between("_id", HistoryKeys.Of(kind, id, 0), HistoryKeys.Of(kind, id, long.MaxValue)));
    }

    private static ILiteCollection<HistoryRecord> Collection(LiteDatabase database) => database.GetCollection<HistoryRecord>(HistoryKeys.Collection);
}
