using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>The contract's part for several instances of a service over one store: lease, order, races.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task TryHoldLease_WhenAnotherRelayHoldsIt_IsRefusedUntilReleased()
    {
        var (_, first) = await NewStoreAsync();
        var (_, second) = await SecondInstanceAsync();

        Assert.True(await first.TryHoldLeaseAsync("relay-a", TimeSpan.FromMinutes(5), default));
        Assert.False(await second.TryHoldLeaseAsync("relay-b", TimeSpan.FromMinutes(5), default));
        Assert.True(await first.TryHoldLeaseAsync("relay-a", TimeSpan.FromMinutes(5), default)); // renewal
        await first.ReleaseLeaseAsync("relay-a", default);

        Assert.True(await second.TryHoldLeaseAsync("relay-b", TimeSpan.FromMinutes(5), default));
        Assert.False(await first.TryHoldLeaseAsync("relay-a", TimeSpan.FromMinutes(5), default));
    }

    [SkippableFact]
    public async Task TryHoldLease_WhenTheHolderStopsRenewing_PassesToAnotherRelay()
    {
        var (_, first) = await NewStoreAsync();
        var (_, second) = await SecondInstanceAsync();
        Assert.True(await first.TryHoldLeaseAsync("crashed-relay", TimeSpan.FromMilliseconds(300), default));

        await Eventually.Until(() => second.TryHoldLeaseAsync("relay-b", TimeSpan.FromMinutes(5), default), held => held,
            TimeSpan.FromSeconds(30), "the expired lease to pass to relay-b");

        Assert.False(await first.TryHoldLeaseAsync("crashed-relay", TimeSpan.FromMinutes(5), default));
    }

    [SkippableFact]
    public async Task Save_WhenInstancesSaveConcurrently_NumbersTheOutboxUniquelyKeepingEachSavesOrder()
    {
        var (store, outbox) = await NewStoreAsync();
        var (other, _) = await SecondInstanceAsync();
        var ledgers = Enumerable.Range(0, 16).Select(_ => NewLedger()).ToList();
        foreach (var ledger in ledgers) ledger.Credit(1m);

        await Task.WhenAll(ledgers.Select((ledger, i) => (i % 2 == 0 ? store : other).SaveAsync(ledger)));

        var messages = await outbox.PeekAsync(100, default);
        Assert.Equal(32, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => m.Sequence).Distinct().Count());
        Assert.Equal(messages.OrderBy(m => m.Sequence).Select(m => m.Id), messages.Select(m => m.Id));
        foreach (var ledger in ledgers)
        {
            var own = messages.Where(m => m.Payload.Contains(ledger.Id.ToString(), StringComparison.Ordinal)).ToList();
            Assert.Equal([typeof(LedgerOpened).FullName, typeof(LedgerCredited).FullName], own.Select(m => m.MessageType));
            Assert.Equal(own[0].Sequence + 1, own[1].Sequence); // one save's events are numbered together
        }
    }

    [SkippableFact]
    public async Task Save_WhenAnUpdateTakesAUniqueKeyInUse_ThrowsDuplicateKeyAndKeepsBoth()
    {
        var (store, outbox) = await NewStoreAsync();
        await store.SaveAsync(NewLedger(code: "TAKEN"));
        var other = NewLedger(code: "FREE");
        await store.SaveAsync(other);
        var before = await outbox.CountAsync(default);

        var renamed = (await store.FindAsync(other.Id))!;
        renamed.Recode("TAKEN");
        renamed.Credit(1m);
        await Assert.ThrowsAsync<DuplicateKeyException>(() => store.SaveAsync(renamed));

        Assert.Equal("FREE", (await store.FindAsync(other.Id))!.Code);
        Assert.Equal(1, renamed.Version);
        Assert.Equal(before, await outbox.CountAsync(default));
    }

    [SkippableFact]
    public async Task Save_WhenTheSameMessageIsAppliedInParallel_AppliesItOnce()
    {
        var (store, _) = await NewStoreAsync();
        var (other, _) = await SecondInstanceAsync();
        var ledger = NewLedger();
        await store.SaveAsync(ledger);
        var message = new ProcessedMessage("LedgerConsumer", Guid.NewGuid());
        var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.FindAsync(ledger.Id)));

        var applied = await Task.WhenAll(copies.Select(async (copy, i) =>
        {
            copy!.Credit(7m);
            try { return await (i % 2 == 0 ? store : other).SaveAsync(copy, message); }
            catch (ConcurrencyConflictException) { return false; }
        }));

        Assert.Equal(1, applied.Count(a => a));
        Assert.Equal(ledger.Balance + 7m, (await store.FindAsync(ledger.Id))!.Balance);
    }

    [SkippableFact]
    public async Task MigrateAsync_WhenAnotherInstanceSavedTheAggregateFirst_ReadsItAgainAndMigratesThat()
    {
        var (store, _) = await NewStoreAsync();
        var (other, _) = await SecondInstanceAsync();
        var ledger = NewLedger(code: "");
        await store.SaveAsync(ledger);
        var stale = (await store.FindAsync(ledger.Id))!;
        var meanwhile = (await other.FindAsync(ledger.Id))!;
        meanwhile.Credit(3m);
        await other.SaveAsync(meanwhile);

        var migrated = await store.MigrateAsync(stale, l =>
        {
            if (l.Code.Length > 0) return false;
            l.Recode($"L-{l.Id:N}"[..12]);
            return true;
        }, default);

        Assert.True(migrated);
        var stored = (await store.FindAsync(ledger.Id))!;
        Assert.Equal(3, stored.Version);
        Assert.Equal(ledger.Balance + 3m, stored.Balance);
        Assert.StartsWith("L-", stored.Code);
    }
}
