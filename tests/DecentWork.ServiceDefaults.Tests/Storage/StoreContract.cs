using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// The storage port's contract. The same tests run against every adapter, so the embedded store
/// used here and in local runs behaves as MongoDB does in production.
/// </summary>
public abstract class StoreContract
{
    /// <summary>A fresh, empty store (its own file or database); skips the test when the adapter cannot run here.</summary>
    protected abstract Task<(IAggregateStore<Ledger> Store, IOutbox Outbox)> NewStoreAsync();

    private static Ledger NewLedger(string? code = null, string country = "TZA", decimal balance = 1_234_567.89m) =>
        Ledger.Open(code ?? $"L-{Guid.NewGuid():N}"[..12], country, balance, new DateOnly(2008, 2, 29));

    [SkippableFact]
    public async Task Save_WhenNew_StoresVersionOneAndEveryFieldExactly()
    {
        var (store, _) = await NewStoreAsync();
        var ledger = NewLedger(balance: 0.000000001m + 467_000_000m);
        ledger.Credit(65_800_000.10m);

        Assert.True(await store.SaveAsync(ledger));

        var found = await store.FindAsync(ledger.Id);
        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Equal(ledger.Code, found.Code);
        Assert.Equal(532_800_000.100000001m, found.Balance);
        Assert.Equal(new DateOnly(2008, 2, 29), found.OpenedOn);
        Assert.Equal(ledger.CreatedAt, found.CreatedAt);
        Assert.Equal(ledger.Entries, found.Entries);
        Assert.Null(await store.FindAsync(Guid.NewGuid()));
    }

    [SkippableFact]
    public async Task Save_WhenStoredVersionMovedOn_ThrowsConflictAndKeepsTheNewerState()
    {
        var (store, outbox) = await NewStoreAsync();
        var ledger = NewLedger();
        await store.SaveAsync(ledger);
        var first = (await store.FindAsync(ledger.Id))!;
        var second = (await store.FindAsync(ledger.Id))!;
        first.Credit(10m);
        await store.SaveAsync(first);
        var outboxBefore = await outbox.CountAsync(default);

        second.Credit(99m);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(second));

        var stored = (await store.FindAsync(ledger.Id))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(ledger.Balance + 10m, stored.Balance);
        Assert.Equal(1, second.Version); // the failed save left the in-memory version as it was
        Assert.Equal(outboxBefore, await outbox.CountAsync(default));
    }

    [SkippableFact]
    public async Task Save_WhenManyWritersRaceFromOneVersion_ExactlyOneWins()
    {
        var (store, _) = await NewStoreAsync();
        var ledger = NewLedger();
        await store.SaveAsync(ledger);
        var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.FindAsync(ledger.Id)));

        var results = await Task.WhenAll(copies.Select(async copy =>
        {
            copy!.Credit(1m);
            try { await store.SaveAsync(copy); return true; }
            catch (ConcurrencyConflictException) { return false; }
        }));

        Assert.Equal(1, results.Count(won => won));
        Assert.Equal(ledger.Balance + 1m, (await store.FindAsync(ledger.Id))!.Balance);
    }

    [SkippableFact]
    public async Task Save_WhenUniqueKeyIsTaken_ThrowsDuplicateKeyAndWritesNoEvent()
    {
        var (store, outbox) = await NewStoreAsync();
        await store.SaveAsync(NewLedger(code: "SAME"));
        var before = await outbox.CountAsync(default);

        var clash = NewLedger(code: "SAME");
        await Assert.ThrowsAsync<DuplicateKeyException>(() => store.SaveAsync(clash));

        Assert.Null(await store.FindAsync(clash.Id));
        Assert.Equal(before, await outbox.CountAsync(default));
        Assert.Equal(0, clash.Version);
    }

    [SkippableFact]
    public async Task Save_WithEvents_PutsThemInTheOutboxInOrderUntilRemoved()
    {
        var (store, outbox) = await NewStoreAsync();
        var ledger = NewLedger();
        ledger.Credit(5m);
        await store.SaveAsync(ledger);
        Assert.Empty(ledger.PendingEvents());

        var messages = await outbox.PeekAsync(10, default);
        Assert.Equal([typeof(LedgerOpened).FullName, typeof(LedgerCredited).FullName], messages.Select(m => m.MessageType));
        var credited = (LedgerCredited)messages[1].Deserialize(typeof(LedgerCredited));
        Assert.Equal(new LedgerCredited(ledger.Id, 5m), credited);

        await outbox.RemoveAsync(messages[0].Id, default);
        Assert.Equal([messages[1].Id], (await outbox.PeekAsync(10, default)).Select(m => m.Id));
    }

    [SkippableFact]
    public async Task Save_WithAProcessedMessageSeenBefore_WritesNothingAndReturnsFalse()
    {
        var (store, outbox) = await NewStoreAsync();
        var ledger = NewLedger();
        await store.SaveAsync(ledger);
        var message = new ProcessedMessage("LedgerConsumer", Guid.NewGuid());

        var first = (await store.FindAsync(ledger.Id))!;
        first.Credit(7m);
        Assert.True(await store.SaveAsync(first, message));
        var outboxAfterFirst = await outbox.CountAsync(default);

        var redelivered = (await store.FindAsync(ledger.Id))!;
        redelivered.Credit(7m);
        Assert.False(await store.SaveAsync(redelivered, message));

        var stored = (await store.FindAsync(ledger.Id))!;
        Assert.Equal(ledger.Balance + 7m, stored.Balance);
        Assert.Equal(outboxAfterFirst, await outbox.CountAsync(default));
        // Another consumer may process the same message for itself.
        Assert.True(await store.SaveAsync(redelivered, message with { Consumer = "OtherConsumer" }));
    }

    [SkippableFact]
    public async Task QueriesAndUniqueKeys_CompareStringsExactly()
    {
        var (store, _) = await NewStoreAsync();
        await store.SaveAsync(NewLedger(code: "case", country: "PAK"));

        await store.SaveAsync(NewLedger(code: "CASE", country: "PAK"));

        Assert.Equal(0, await store.CountAsync(Filter.All<Ledger>(l => l.Country == "pak")));
        Assert.Equal(1, await store.CountAsync(Filter.All<Ledger>(l => l.Code == "CASE")));
    }

    [SkippableFact]
    public async Task QueryAndCount_FilterSortAndPage()
    {
        var (store, _) = await NewStoreAsync();
        foreach (var code in new[] { "C", "A", "E", "B", "D" }) await store.SaveAsync(NewLedger(code: code, country: "PAK"));
        await store.SaveAsync(NewLedger(code: "Z", country: "VNM"));

        var pakistan = Filter.All<Ledger>(l => l.Country == "PAK");
        var page1 = await store.QueryAsync(pakistan, new SortOrder<Ledger>(l => l.Code), 0, 2);
        var page2 = await store.QueryAsync(pakistan, new SortOrder<Ledger>(l => l.Code), 2, 2);
        var last = await store.QueryAsync(pakistan, new SortOrder<Ledger>(l => l.Code, Descending: true), 0, 1);

        Assert.Equal(["A", "B"], page1.Select(l => l.Code));
        Assert.Equal(["C", "D"], page2.Select(l => l.Code));
        Assert.Equal("E", Assert.Single(last).Code);
        Assert.Equal(5, await store.CountAsync(pakistan));
        Assert.Equal(6, await store.CountAsync(Filter.All<Ledger>()));
        Assert.Equal(1, await store.CountAsync(Filter.All<Ledger>(l => l.Country == "PAK", l => l.Code == "B")));
    }

    [SkippableFact]
    public async Task QueryAfter_WhenOthersInsertBetweenPages_EveryRecordComesOnceInBothOrders()
    {
        var (store, _) = await NewStoreAsync();
        foreach (var code in new[] { "B", "D", "F", "H", "J" }) await store.SaveAsync(NewLedger(code: code, country: "PAK"));
        await store.SaveAsync(NewLedger(code: "Z", country: "VNM"));
        var pakistan = Filter.All<Ledger>(l => l.Country == "PAK");
        var up = new SortOrder<Ledger>(l => l.Code);
        var down = new SortOrder<Ledger>(l => l.Code, Descending: true);

        var first = await store.QueryAfterAsync(pakistan, up, null, 2);
        await store.SaveAsync(NewLedger(code: "A", country: "PAK")); // behind the cursor: not seen
        await store.SaveAsync(NewLedger(code: "E", country: "PAK")); // ahead of it: seen once
        var rest = await store.QueryAfterAsync(pakistan, up, up.KeyOf(first[^1]), 10);
        var fromTop = await store.QueryAfterAsync(pakistan, down, "F", 10);

        Assert.Equal(["B", "D"], first.Select(l => l.Code));
        Assert.Equal(["E", "F", "H", "J"], rest.Select(l => l.Code));
        Assert.Equal(["E", "D", "B", "A"], fromTop.Select(l => l.Code));
    }

    [SkippableFact]
    public async Task ReadAll_WhenMoreThanOneChunk_ReadsEveryRecordOnceInOrder()
    {
        var (store, _) = await NewStoreAsync();
        var codes = Enumerable.Range(0, AggregateStoreExtensions.ReadAllChunk + 7).Select(i => $"C{i:D4}").ToList();
        foreach (var code in codes.AsEnumerable().Reverse()) await store.SaveAsync(NewLedger(code: code));

        var all = await store.ReadAllAsync(Filter.All<Ledger>(), new SortOrder<Ledger>(l => l.Code), default);

        Assert.Equal(codes, all.Select(l => l.Code));
    }
}
