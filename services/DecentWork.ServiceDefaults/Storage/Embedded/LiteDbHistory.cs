using DecentWork.ServiceDefaults.Storage.History;
using LiteDB;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

/// <summary>The embedded store's history collection: written inside a save's transaction, read by key range.</summary>
internal static class LiteDbHistory
{
    public static void Record<T>(LiteDatabase database, T? before, T after, long version, ChangeActor actor) where T : Aggregate =>
        Collection(database).Insert(HistoryRecord.Of(before, after, version, actor, DateTimeOffset.UtcNow));

    public static IReadOnlyList<HistoryRecord> Read<T>(LiteDatabase database, Guid id, long afterVersion, int take) where T : Aggregate
    {
        var kind = HistoryKeys.KindOf<T>();
        return Collection(database).Query()
            .Where(Query.And(Query.GT("_id", HistoryKeys.Of(kind, id, afterVersion)), Query.LT("_id", HistoryKeys.End(kind, id))))
            .OrderBy(r => r.Id)
            .Limit(take)
            .ToList();
    }

    public static long Count<T>(LiteDatabase database, Guid id) where T : Aggregate
    {
        var kind = HistoryKeys.KindOf<T>();
        return Collection(database).LongCount(Query.And(Query.GTE("_id", HistoryKeys.Prefix(kind, id)), Query.LT("_id", HistoryKeys.End(kind, id))));
    }

    private static ILiteCollection<HistoryRecord> Collection(LiteDatabase database) => database.GetCollection<HistoryRecord>(HistoryKeys.Collection);
}
