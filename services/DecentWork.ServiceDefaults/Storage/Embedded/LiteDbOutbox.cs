using LiteDB;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

public sealed class LiteDbOutbox(LiteDbDatabase db) : IOutbox
{
    private const string LeaseId = "relay-lease";

    private static ILiteCollection<OutboxMessage> Collection(LiteDatabase database) =>
        database.GetCollection<OutboxMessage>(LiteDbDatabase.OutboxCollection);

    public Task<IReadOnlyList<OutboxMessage>> PeekAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(
            db.Run(d => Collection(d).Query().OrderBy(m => m.Sequence).Limit(max).ToList()));

    public Task RemoveAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(db.Run(d => Collection(d).Delete(id)));

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(db.Run(d => Collection(d).LongCount()));

    /// <summary>
    /// Numbers a save's messages after every message still queued. Runs inside the save's
    /// transaction under the database's one lock, so the numbers follow commit order.
    /// </summary>
    internal static void Number(LiteDatabase database, IReadOnlyList<OutboxMessage> messages)
    {
        var last = Collection(database).Query().OrderByDescending(m => m.Sequence).Limit(1).FirstOrDefault()?.Sequence ?? 0;
        for (var i = 0; i < messages.Count; i++) messages[i].Sequence = last + 1 + i;
    }

    public Task<bool> TryHoldLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(db.Run(d =>
    {
        var state = d.GetCollection(LiteDbDatabase.StateCollection);
        var now = DateTime.UtcNow.Ticks;
        var lease = state.FindById(LeaseId);
        var mine = lease is not null && lease["holder"].AsString == holder;
        if (lease is not null && !mine && lease["expiresAtTicks"].AsInt64 > now) return false;
        // The relay asks every poll; a lease of its own with more than half to run needs no write.
        if (mine && lease!["expiresAtTicks"].AsInt64 - now > duration.Ticks / 2) return true;
        state.Upsert(new BsonDocument { ["_id"] = LeaseId, ["holder"] = holder, ["expiresAtTicks"] = now + duration.Ticks });
        return true;
    }));

    public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken) => Task.FromResult(db.Run(d =>
    {
        var state = d.GetCollection(LiteDbDatabase.StateCollection);
        return state.FindById(LeaseId) is { } lease && lease["holder"].AsString == holder && state.Delete(LeaseId);
    }));
}
