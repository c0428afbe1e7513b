using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.History;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>The contract's part for history: one record per saved version, in the save's transaction, paged by version.</summary>
public abstract partial class StoreContract
{
    private static readonly ChangeActor Amina = new("u-amina", "Amina Diallo", "UpdateLedger");

    [SkippableFact]
    public async Task Save_WhenCreatedThenChanged_RecordsEachVersionWithWhoAndEachFieldOldToNew()
    {
        var (store, _) = await NewStoreAsync();
        var ledger = NewLedger(code: $"H-{Guid.NewGuid():N}"[..12], balance: 10m);
        await store.SaveAsync(ledger);
        var oldCode = ledger.Code;

        ledger.Recode(oldCode + "X");
        ledger.MoveTo("PAK");
        using (ChangeContext.Use(Amina)) await store.SaveAsync(ledger);

        var history = await store.ReadHistoryAsync(ledger.Id, 0, 10);
        Assert.Equal([1L, 2L], history.Select(r => r.Version));
        var created = history[0];
        Assert.Equal(("system", "migration"), (created.ActorSubject, created.Action));
        Assert.Contains(created.Changes, c => c is { Path: "code", Old: null } && c.New == oldCode);
        Assert.Contains(created.Changes, c => c is { Path: "balance", Old: null, New: "10" });
        var changed = history[1];
        Assert.Equal(("Ledger", ledger.Id), (changed.Kind, changed.AggregateId));
        Assert.Equal(("u-amina", "Amina Diallo", "UpdateLedger"), (changed.ActorSubject, changed.ActorName, changed.Action));
        Assert.Equal(["code", "country"], changed.Changes.Select(c => c.Path));
        Assert.Equal((oldCode, oldCode + "X"), (changed.Changes[0].Old, changed.Changes[0].New));
        Assert.Equal(("TZA", "PAK"), (changed.Changes[1].Old, changed.Changes[1].New));
        Assert.InRange(changed.At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(2, await store.CountHistoryAsync(ledger.Id));
    }

    [SkippableFact]
    public async Task Save_WhenRefusedOrRedelivered_WritesNoHistoryRecord()
    {
        var (store, _) = await NewStoreAsync();
        var ledger = NewLedger();
        await store.SaveAsync(ledger);
        var stale = (await store.FindAsync(ledger.Id))!;
        var message = new ProcessedMessage("LedgerCreditedConsumer", Guid.NewGuid());
        ledger.Credit(5m);
        await store.SaveAsync(ledger, message);

        stale.Credit(1_000m);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(stale));
        await Assert.ThrowsAsync<DuplicateKeyException>(() => store.SaveAsync(NewLedger(code: ledger.Code)));
        ledger.Credit(99m);
        Assert.False(await store.SaveAsync(ledger, message));

        Assert.Equal(2, await store.CountHistoryAsync(ledger.Id));
        var applied = (await store.ReadHistoryAsync(ledger.Id, 1, 10)).Single();
        Assert.Equal("consumer:LedgerCreditedConsumer", applied.ActorSubject);
        Assert.Contains(message.MessageId.ToString("D"), applied.ActorName);
        Assert.Equal(["balance", "entries"], applied.Changes.Select(c => c.Path));
    }

    [SkippableFact]
    public async Task ReadHistory_WhenPagedByVersion_ReturnsEachRecordOnceAndOnlyThisAggregates()
    {
        var (store, _) = await NewStoreAsync();
        var ledger = NewLedger();
        var other = NewLedger();
        await store.SaveAsync(ledger);
        await store.SaveAsync(other);
        for (var i = 0; i < 4; i++)
        {
            ledger.Credit(1m);
            await store.SaveAsync(ledger);
            other.Credit(2m);
            await store.SaveAsync(other);
        }

        var first = await store.ReadHistoryAsync(ledger.Id, 0, 2);
        var second = await store.ReadHistoryAsync(ledger.Id, first[^1].Version, 2);
        var last = await store.ReadHistoryAsync(ledger.Id, second[^1].Version, 2);

        Assert.Equal([1L, 2L, 3L, 4L, 5L], first.Concat(second).Concat(last).Select(r => r.Version));
        Assert.All(first.Concat(second).Concat(last), r => Assert.Equal(ledger.Id, r.AggregateId));
        Assert.Empty(await store.ReadHistoryAsync(ledger.Id, 5, 2));
        Assert.Empty(await store.ReadHistoryAsync(Guid.NewGuid(), 0, 2));
        Assert.Equal(5, await store.CountHistoryAsync(other.Id));
    }
}
