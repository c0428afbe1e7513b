using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// The projection primitive's contract, for every adapter: buckets always equal what the stored
/// states contribute, whatever a save's fate (conflict, duplicate, redelivery, race), and a start-up
/// rebuild makes them so for data saved before the projection existed.
/// </summary>
public abstract class ProjectionContract
{
    /// <summary>A store with these projections over a fresh, empty database; skips when the adapter cannot run here.</summary>
    protected abstract Task<ProjectedStore> NewAsync(params Projection<Ledger>[] projections);

    /// <summary>Another store over the same database, initialised (as a restarted service would be).</summary>
    protected abstract Task<ProjectedStore> ReopenAsync(ProjectedStore existing, params Projection<Ledger>[] projections);

    private static Ledger NewLedger(string country, decimal balance) =>
        Ledger.Open($"L-{Guid.NewGuid():N}"[..12], country, balance, new DateOnly(2010, 1, 1));

    [SkippableFact]
    public async Task Save_WhenLedgersAreOpenedCreditedAndMoved_BucketsEqualTheStoredStates()
    {
        var store = await NewAsync(new LedgersByCountry());
        var tza = NewLedger("TZA", 100.01m);
        var pak = NewLedger("PAK", 0.000000001m);
        await store.Store.SaveAsync(tza);
        await store.Store.SaveAsync(pak);
        tza.Credit(50m);
        await store.Store.SaveAsync(tza);
        pak.MoveTo("VNM");
        pak.Credit(1m);
        await store.Store.SaveAsync(pak);

        var buckets = await ReadAll(store);

        Assert.Equal(["country|*", "country|TZA", "country|VNM"], buckets.Keys); // PAK emptied, so removed
        Assert.Equal((2L, 151.010000001m), buckets["country|*"]);
        Assert.Equal((1L, 150.01m), buckets["country|TZA"]);
        Assert.Equal((1L, 1.000000001m), buckets["country|VNM"]);
    }

    [SkippableFact]
    public async Task Save_WhenRefusedOrRedelivered_LeavesBucketsAsTheyWere()
    {
        var store = await NewAsync(new LedgersByCountry());
        var ledger = NewLedger("TZA", 10m);
        await store.Store.SaveAsync(ledger);
        var stale = (await store.Store.FindAsync(ledger.Id))!;
        ledger.Credit(5m);
        var message = new ProcessedMessage("Consumer", Guid.NewGuid());
        await store.Store.SaveAsync(ledger, message);
        var before = await ReadAll(store);

        stale.Credit(1_000m);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.Store.SaveAsync(stale));
        var twin = Ledger.Open(ledger.Code, "PAK", 7m, new DateOnly(2010, 1, 1));
        await Assert.ThrowsAsync<DuplicateKeyException>(() => store.Store.SaveAsync(twin));
        ledger.Credit(99m);
        Assert.False(await store.Store.SaveAsync(ledger, message));

        Assert.Equal(before, await ReadAll(store));
        Assert.Equal((1L, 15m), before["country|*"]);
    }

    [SkippableFact]
    public async Task Save_WhenManyWritersRace_BucketsCountEveryWinningSaveOnce()
    {
        var store = await NewAsync(new LedgersByCountry());
        var ledgers = Enumerable.Range(0, 8).Select(i => NewLedger(i % 2 == 0 ? "TZA" : "PAK", 1m)).ToList();
        foreach (var ledger in ledgers) await store.Store.SaveAsync(ledger);

        // Each writer credits every ledger, reloading and retrying on conflicts, so every credit lands once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            foreach (var ledger in ledgers) await CreditUntilSaved(store.Store, ledger.Id, 0.25m);
        })));

        var stored = new List<Ledger>();
        foreach (var ledger in ledgers) stored.Add((await store.Store.FindAsync(ledger.Id))!);
        var buckets = await ReadAll(store);
        Assert.Equal((8L, stored.Sum(l => l.Balance)), buckets["country|*"]);
        Assert.Equal((4L, stored.Where(l => l.Country == "TZA").Sum(l => l.Balance)), buckets["country|TZA"]);
        Assert.Equal(8m + 8 * 4 * 0.25m, stored.Sum(l => l.Balance));
    }

    [SkippableFact]
    public async Task Initialize_WhenProjectionIsNewOrItsVersionChanged_RebuildsFromTheStoredStatesOnce()
    {
        var plain = await NewAsync();
        await plain.Store.SaveAsync(NewLedger("TZA", 2m));
        await plain.Store.SaveAsync(NewLedger("TZA", 3m));
        await plain.Store.SaveAsync(NewLedger("PAK", 4m));

        var added = await ReopenAsync(plain, new LedgersByCountry());
        Assert.Equal((3L, 9m), (await ReadAll(added))["country|*"]);
        await added.Store.SaveAsync(NewLedger("PAK", 1m));
        var reopened = await ReopenAsync(added, new LedgersByCountry());
        Assert.Equal((4L, 10m), (await ReadAll(reopened))["country|*"]); // same version: kept, not rebuilt again

        var changed = await ReopenAsync(reopened, new LedgersByCountry(version: 2, balanceFigure: "money"));
        var rebuilt = await changed.Reader.ReadAsync(LedgersByCountry.ProjectionName, BucketRange.Prefix(""));
        Assert.Equal(["country|*", "country|PAK", "country|TZA"], rebuilt.Select(b => b.Key));
        Assert.All(rebuilt, b => Assert.Equal(0m, b["balance"]));
        Assert.Equal(10m, rebuilt[0]["money"]);
        Assert.Equal(4L, rebuilt[0].Count);
    }

    [SkippableFact]
    public async Task Read_WhenRangeIsGiven_ReturnsOnlyItsBucketsInKeyOrder()
    {
        var store = await NewAsync(new LedgersByCountry());
        foreach (var country in new[] { "VNM", "ALB", "PAK", "TZA", "BRA" }) await store.Store.SaveAsync(NewLedger(country, 1m));

        var between = await store.Reader.ReadAsync(LedgersByCountry.ProjectionName, BucketRange.Between("country|B", "country|P"));
        var one = await store.Reader.ReadAsync(LedgersByCountry.ProjectionName, BucketRange.Prefix("country|TZA"));
        var otherProjection = await store.Reader.ReadAsync("other", BucketRange.Prefix(""));

        Assert.Equal(["country|BRA", "country|PAK"], between.Select(b => b.Key));
        Assert.Equal(["country", "TZA"], Assert.Single(one).Parts);
        Assert.Empty(otherProjection);
    }

    private static async Task CreditUntilSaved(IAggregateStore<Ledger> store, Guid id, decimal amount)
    {
        while (true)
        {
            var ledger = (await store.FindAsync(id))!;
            ledger.Credit(amount);
            try
            {
                await store.SaveAsync(ledger);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // Someone saved first: read their state and credit again.
            }
        }
    }

    private static async Task<SortedDictionary<string, (long Count, decimal Balance)>> ReadAll(ProjectedStore store)
    {
        var buckets = await store.Reader.ReadAsync(LedgersByCountry.ProjectionName, BucketRange.Prefix(""));
        return new(buckets.ToDictionary(b => b.Key, b => (b.Count, b["balance"])), StringComparer.Ordinal);
    }
}

/// <summary>A store, the reader of its projections, and whatever the adapter needs to reopen the same data.</summary>
public sealed record ProjectedStore(IAggregateStore<Ledger> Store, IProjectionReader Reader, object Database);
