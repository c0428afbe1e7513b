using System.Diagnostics.Metrics;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;

namespace DecentWork.ServiceDefaults.Tests.Storage;

/// <summary>
/// The shared "change an aggregate" helper against the embedded store: the races are real saves
/// of another copy of the same ledger between this step's read and its save.
/// </summary>
public sealed class AggregateChangesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"changes-{Guid.NewGuid():N}");
    private readonly LiteDbDatabase _database;
    private readonly LiteDbAggregateStore<Ledger> _store;

    public AggregateChangesTests()
    {
        _database = new LiteDbDatabase(Path.Combine(_folder, "changes.db"));
        _store = new LiteDbAggregateStore<Ledger>(_database, "ledgers", [new StoreIndex<Ledger>(l => l.Code, Unique: true)], new OutboxSignal());
        _store.InitializeAsync(default).GetAwaiter().GetResult();
    }

    private async Task<Ledger> SavedLedgerAsync()
    {
        var ledger = Ledger.Open($"L-{Guid.NewGuid():N}"[..12], "TZA", 100m, new DateOnly(2008, 1, 1));
        await _store.SaveAsync(ledger);
        return ledger;
    }

    private Func<CancellationToken, Task<Ledger>> Load(Guid id) => async token => (await _store.FindAsync(id, token))!;

    /// <summary>Credits 1 through another copy, so the step's own save meets a newer version.</summary>
    private async Task SaveCompetingCreditAsync(Guid id)
    {
        var other = (await _store.FindAsync(id))!;
        other.Credit(1m);
        await _store.SaveAsync(other);
    }

    [Fact]
    public async Task ChangeAsync_WhenAnotherSaveWinsTheFirstAttempt_ReadsAgainAndAppliesToTheWinnersState()
    {
        var ledger = await SavedLedgerAsync();
        var attempts = 0;
        var conflicts = new List<string?>();
        using var listener = ListenToConflicts(conflicts, nameof(ChangeAsync_WhenAnotherSaveWinsTheFirstAttempt_ReadsAgainAndAppliesToTheWinnersState));

        var changed = await _store.ChangeAsync(Load(ledger.Id), 0, async l =>
        {
            if (++attempts == 1) await SaveCompetingCreditAsync(l.Id);
            l.Credit(10m);
            return true;
        }, default);

        Assert.Equal(2, attempts);
        var stored = (await _store.FindAsync(ledger.Id))!;
        Assert.Equal(111m, stored.Balance); // the competing 1 and this step's 10, neither lost
        Assert.Equal(stored.Version, changed.Version);
        Assert.Equal(["servicedefaults.tests"], conflicts); // one conflict counted, tagged with the aggregate's assembly
    }

    [Fact]
    public async Task ChangeAsync_WhenEveryAttemptLosesARace_ThrowsTheConflictOnceTheDeadlinePassed()
    {
        var ledger = await SavedLedgerAsync();
        var attempts = 0;
        var retry = new ConflictRetry(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.ChangeAsync(Load(ledger.Id), 0, async l =>
        {
            attempts++;
            await SaveCompetingCreditAsync(l.Id);
            l.Credit(10m);
            return true;
        }, default, retry));

        Assert.True(attempts > 1, $"retried before giving up ({attempts} attempts)");
        var stored = (await _store.FindAsync(ledger.Id))!;
        Assert.Equal(100m + attempts, stored.Balance); // only the competing credits were saved
    }

    [Fact]
    public async Task ChangeAsync_WhenTheExpectedVersionIsStale_ThrowsConflictWithoutApplyingOrRetrying()
    {
        var ledger = await SavedLedgerAsync();
        await SaveCompetingCreditAsync(ledger.Id); // version 2 now
        var applied = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _store.ChangeAsync(ledger.Id, "Ledger", expectedVersion: 1, l => { applied++; l.Credit(10m); return true; }, default));

        Assert.Equal(0, applied);
        Assert.Equal(101m, (await _store.FindAsync(ledger.Id))!.Balance);
    }

    [Fact]
    public async Task ChangeAsync_WhenTheExpectedVersionLosesARace_ThrowsConflictWithoutRetrying()
    {
        var ledger = await SavedLedgerAsync();
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.ChangeAsync(Load(ledger.Id), expectedVersion: 1, async l =>
        {
            attempts++;
            await SaveCompetingCreditAsync(l.Id);
            l.Credit(10m);
            return true;
        }, default));

        Assert.Equal(1, attempts);
        Assert.Equal(101m, (await _store.FindAsync(ledger.Id))!.Balance);
    }

    [Fact]
    public async Task ChangeAsync_WhenTheAggregateIsMissing_ThrowsNotFoundNamingTheResource()
    {
        var missing = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _store.ChangeAsync(missing, "Ledger", 0, _ => true, default));

        Assert.Equal("LEDGER_NOT_FOUND", error.Reason);
        Assert.Equal($"{missing}", error.Metadata["id"]);
    }

    [Fact]
    public async Task ChangeAsync_WhenCancelledWhileWaitingToRetry_StopsWithoutSaving()
    {
        var ledger = await SavedLedgerAsync();
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;
        var retry = new ConflictRetry(TimeSpan.FromMinutes(5));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.ChangeAsync(Load(ledger.Id), 0, async l =>
        {
            attempts++;
            await SaveCompetingCreditAsync(l.Id);
            if (attempts == 3) await cancellation.CancelAsync();
            l.Credit(10m);
            return true;
        }, cancellation.Token, retry));

        Assert.Equal(3, attempts);
        Assert.Equal(103m, (await _store.FindAsync(ledger.Id))!.Balance);
    }

    [Fact]
    public async Task ChangeAsync_WhenTheChangeAnswersFalse_SavesNothing()
    {
        var ledger = await SavedLedgerAsync();

        var unchanged = await _store.ChangeAsync(ledger.Id, "Ledger", 0, _ => false, default);

        Assert.Equal(1, unchanged.Version);
        Assert.Equal(1, (await _store.FindAsync(ledger.Id))!.Version);
    }

    [Fact]
    public async Task RunAsync_WhenADuplicateKeyIsNotAConflict_ThrowsItAtOnce()
    {
        var taken = await SavedLedgerAsync();
        var attempts = 0;

        await Assert.ThrowsAsync<DuplicateKeyException>(() => ConflictRetry.Request.RunAsync<Ledger, bool>(async token =>
        {
            attempts++;
            return await _store.SaveAsync(Ledger.Open(taken.Code, "TZA", 1m, new DateOnly(2008, 1, 1)), cancellationToken: token);
        }, default));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public void DelayBefore_WhenAttemptsGrow_StaysBelowTheDoublingCeilingAndTheDeadline()
    {
        var retry = new ConflictRetry(TimeSpan.FromSeconds(10));

        for (var attempt = 2; attempt < 40; attempt++)
        {
            var ceiling = Math.Min(1_000, 4 * Math.Pow(2, Math.Min(attempt - 2, 20)));
            Assert.InRange(retry.DelayBefore(attempt, TimeSpan.FromSeconds(5)).TotalMilliseconds, 1, ceiling);
        }
        Assert.Equal(TimeSpan.FromMilliseconds(3), retry.DelayBefore(30, TimeSpan.FromMilliseconds(3)));
    }

    /// <summary>The service tag of every conflict this test's operation counts.</summary>
    private static MeterListener ListenToConflicts(List<string?> services, string operation)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Meter.Name: ConflictRetry.MeterName, Name: ConflictRetry.ConflictsMetric }) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (all.GetValueOrDefault("operation") == operation) lock (services) services.Add(all.GetValueOrDefault("service"));
        });
        listener.Start();
        return listener;
    }

    public void Dispose()
    {
        _database.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
