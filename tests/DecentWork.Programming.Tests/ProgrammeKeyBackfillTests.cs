using DecentWork.Programming.Domain;
using DecentWork.Programming.Storage;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

/// <summary>Programmes stored before request ids existed: documents without RequestId and RequestKey.</summary>
public sealed class ProgrammeKeyBackfillTests : IDisposable
{
    private const string Collection = "programmes";
    private static readonly StoreIndex<Programme> UniqueRequestKey = new(p => p.RequestKey, Unique: true);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"programming-backfill-{Guid.NewGuid():N}.db");
    private readonly LiteDbDatabase _database;

    public ProgrammeKeyBackfillTests() => _database = new LiteDbDatabase(_file);

    public void Dispose()
    {
        _database.Dispose();
        File.Delete(_file);
    }

    private LiteDbAggregateStore<Programme> Store(params StoreIndex<Programme>[] indexes) => new(_database, Collection, indexes, new OutboxSignal());

    /// <summary>Saves programmes as today's service would, then strips the fields older versions did not write.</summary>
    private async Task<List<Guid>> StoreOldProgrammesAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var programme = Draft();
            await Store().SaveAsync(programme);
            ids.Add(programme.Id);
        }
        _database.Run(d =>
        {
            var documents = d.GetCollection(Collection);
            foreach (var document in documents.FindAll().ToList())
            {
                document.Remove(nameof(Programme.RequestId));
                document.Remove(nameof(Programme.RequestKey));
                documents.Update(document);
            }
            return true;
        });
        return ids;
    }

    [Fact]
    public async Task StartAsync_WhenProgrammesPredateRequestIds_GivesEachItsOwnKeySoTheUniqueIndexBuilds()
    {
        var ids = await StoreOldProgrammesAsync(3);
        var old = await Store().FindAsync(ids[0]);
        Assert.Equal(("", ""), (old!.RequestId, old.RequestKey));

        await new ProgrammeKeyBackfill(Store(), NullLogger<ProgrammeKeyBackfill>.Instance).StartAsync(CancellationToken.None);
        var store = Store(UniqueRequestKey);
        await store.InitializeAsync(CancellationToken.None);

        foreach (var id in ids)
        {
            var migrated = await store.FindAsync(id);
            Assert.Equal(("", $"programme:{id:N}", 2L), (migrated!.RequestId, migrated.RequestKey, migrated.Version));
            Assert.Equal($"TZA|unapproved|{id:N}", migrated.ApprovalSlot); // the slot it had is kept
        }
        var listed = await store.QueryAsync(p => p.CountryCode == "TZA", new SortOrder<Programme>(p => p.SortKey), 0, 10);
        Assert.Equal(3, listed.Count);
    }

    [Fact]
    public async Task StartAsync_WhenRunTwice_ChangesNothingTheSecondTime()
    {
        var ids = await StoreOldProgrammesAsync(2);
        var backfill = new ProgrammeKeyBackfill(Store(), NullLogger<ProgrammeKeyBackfill>.Instance);

        await backfill.StartAsync(CancellationToken.None);
        await backfill.StartAsync(CancellationToken.None);

        Assert.Equal(2L, (await Store().FindAsync(ids[1]))!.Version);
    }

    [Fact]
    public async Task InitializeAsync_WhenOldProgrammesWereNotBackfilled_CannotBuildTheUniqueIndex()
    {
        await StoreOldProgrammesAsync(2);
        await Assert.ThrowsAnyAsync<LiteException>(() => Store(UniqueRequestKey).InitializeAsync(CancellationToken.None));
    }
}
