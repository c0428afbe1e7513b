namespace DecentWork.ServiceDefaults.Storage.Embedded;

public sealed class LiteDbOutbox(LiteDbDatabase db) : IOutbox
{
    private LiteDB.ILiteCollection<OutboxMessage> Collection =>
        db.Database.GetCollection<OutboxMessage>(LiteDbDatabase.OutboxCollection);

    public Task<IReadOnlyList<OutboxMessage>> PeekAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxMessage>>(
            Collection.Query().OrderBy(m => m.Sequence).Limit(max).ToList());

    public Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (db.WriteLock) Collection.Delete(id);
        return Task.CompletedTask;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(Collection.LongCount());
}
