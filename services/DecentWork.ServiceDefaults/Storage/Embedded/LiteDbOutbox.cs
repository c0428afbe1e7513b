namespace DecentWork.ServiceDefaults.Storage.Embedded;

public sealed class LiteDbOutbox(LiteDbDatabase db) : IOutbox
{
    private static LiteDB.ILiteCollection<OutboxMessage> Collection(LiteDB.LiteDatabase database) =>
        database.GetCollection<OutboxMessage>(LiteDbDatabase.OutboxCollection);

    public Task<IReadOnlyList<OutboxMessage>> PeekAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(
            db.Run(d => Collection(d).Query().OrderBy(m => m.Sequence).Limit(max).ToList()));

    public Task RemoveAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(db.Run(d => Collection(d).Delete(id)));

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(db.Run(d => Collection(d).LongCount()));
}
