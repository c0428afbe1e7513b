using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Storage;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace DecentWork.Partnerships.Tests;

/// <summary>Approvals stored before request ids existed: documents without RequestId and RequestKey.</summary>
public sealed class RequestKeyBackfillTests : IDisposable
{
    private const string Collection = "funding_approvals";
    private static readonly DateTimeOffset Now = new(2007, 5, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly StoreIndex<FundingApproval> UniqueRequestKey = new(a => a.RequestKey, Unique: true);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"partnerships-backfill-{Guid.NewGuid():N}.db");
    private readonly LiteDbDatabase _database;

    public RequestKeyBackfillTests() => _database = new LiteDbDatabase(_file);

    public void Dispose()
    {
        _database.Dispose();
        File.Delete(_file);
    }

    private LiteDbAggregateStore<FundingApproval> Store(params StoreIndex<FundingApproval>[] indexes) => new(_database, Collection, indexes, new OutboxSignal());

    /// <summary>Saves approvals as today's service would, then strips the fields older versions did not write.</summary>
    private async Task<List<Guid>> StoreOldApprovalsAsync(int count)
    {
        var partner = Partner.Register("Government of Norway", PartnerCategory.BilateralGovernment, Now);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var approval = FundingApproval.Record(partner, Guid.NewGuid(), 1_000m + i, 2007, Now.AddMinutes(i));
            await Store().SaveAsync(approval);
            ids.Add(approval.Id);
        }
        _database.Run(d =>
        {
            var documents = d.GetCollection(Collection);
            foreach (var document in documents.FindAll().ToList())
            {
                document.Remove(nameof(FundingApproval.RequestId));
                document.Remove(nameof(FundingApproval.RequestKey));
                documents.Update(document);
            }
            return true;
        });
        return ids;
    }

    [Fact]
    public async Task StartAsync_WhenApprovalsPredateRequestIds_GivesEachItsOwnKeySoTheUniqueIndexBuilds()
    {
        var ids = await StoreOldApprovalsAsync(3);
        var old = await Store().FindAsync(ids[0]);
        Assert.Equal(("", ""), (old!.RequestId, old.RequestKey));

        await new RequestKeyBackfill(Store(), NullLogger<RequestKeyBackfill>.Instance).StartAsync(CancellationToken.None);
        var store = Store(UniqueRequestKey);
        await store.InitializeAsync(CancellationToken.None);

        foreach (var id in ids)
        {
            var migrated = await store.FindAsync(id);
            Assert.Equal(("", $"approval:{id:N}", 2L), (migrated!.RequestId, migrated.RequestKey, migrated.Version));
        }
        var listed = await store.QueryAsync(a => a.Year == 2007, new SortOrder<FundingApproval>(a => a.SortKey), 0, 10);
        Assert.Equal(3, listed.Count);
    }

    [Fact]
    public async Task StartAsync_WhenRunTwice_ChangesNothingTheSecondTime()
    {
        var ids = await StoreOldApprovalsAsync(2);
        var backfill = new RequestKeyBackfill(Store(), NullLogger<RequestKeyBackfill>.Instance);

        await backfill.StartAsync(CancellationToken.None);
        await backfill.StartAsync(CancellationToken.None);

        Assert.Equal(2L, (await Store().FindAsync(ids[1]))!.Version);
    }

    [Fact]
    public async Task InitializeAsync_WhenOldApprovalsWereNotBackfilled_CannotBuildTheUniqueIndex()
    {
        await StoreOldApprovalsAsync(2);
        await Assert.ThrowsAnyAsync<LiteException>(() => Store(UniqueRequestKey).InitializeAsync(CancellationToken.None));
    }
}
