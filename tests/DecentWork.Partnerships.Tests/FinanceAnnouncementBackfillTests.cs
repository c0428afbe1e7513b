using System.Diagnostics;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.Partnerships.Storage;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace DecentWork.Partnerships.Tests;

/// <summary>
/// Budget books and transactions saved before ProjectFinanceChanged existed: documents without the
/// announcement mark (nor the book's revision counter), and no event of theirs in the outbox.
/// </summary>
public sealed class FinanceAnnouncementBackfillTests : IDisposable
{
    private const string Books = "approval_budgets";
    private const string Transactions = "financial_transactions";
    private static readonly DateTimeOffset Now = new(2008, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"partnerships-announce-{Guid.NewGuid():N}.db");
    private readonly LiteDbDatabase _database;

    public FinanceAnnouncementBackfillTests() => _database = new LiteDbDatabase(_file);

    public void Dispose()
    {
        _database.Dispose();
        File.Delete(_file);
    }

    private LiteDbAggregateStore<ApprovalBudget> BookStore() => new(_database, Books, [new(b => b.AnnouncedRevision!)], new OutboxSignal());

    private LiteDbAggregateStore<FinancialTransaction> TransactionStore() =>
        new(_database, Transactions, [new(t => t.AnnouncedRevision!)], new OutboxSignal());

    private FinanceAnnouncementBackfill Backfill() => new(BookStore(), TransactionStore(), NullLogger<FinanceAnnouncementBackfill>.Instance);

    private sealed record Stored(ApprovalBudget Book, FinancialTransaction Spent, FinancialTransaction Committed);

    /// <summary>A book of two lines, an expenditure and a commitment, saved as today's service would.</summary>
    private async Task<Stored> StoreFinanceAsync()
    {
        var partner = Partner.Register("Government of Norway", PartnerCategory.BilateralGovernment, Now);
        var approval = FundingApproval.Record(partner, Guid.NewGuid(), 1_000_000m, 2007, Now);
        var project = Project.Register(new ProjectPlan($"MWI/{Guid.NewGuid():N}"[..20], "Skills", ["MWI"], [partner.Id], 900_000m,
            new DateOnly(2007, 1, 1), new DateOnly(2008, 12, 31), [], []), Now);
        var book = ApprovalBudget.Open(approval);
        book.SetLine(approval, project, 2007, 300_000m, 0m);
        book.SetLine(approval, project, 2008, 200_000m, 300_000m);
        FinancialTransaction Record(TransactionType type, decimal usd) => FinancialTransaction.Record($"GL-{Guid.NewGuid():N}", project,
            new TransactionValues(type, new DateOnly(2007, 9, 30), usd, "USD", usd, ""), FundingSource.ExtraBudgetary, new DateOnly(2008, 6, 1));
        var stored = new Stored(book, Record(TransactionType.Expenditure, 80_000m), Record(TransactionType.Commitment, 150_000m));
        await BookStore().SaveAsync(stored.Book);
        await TransactionStore().SaveAsync(stored.Spent);
        await TransactionStore().SaveAsync(stored.Committed);
        return stored;
    }

    /// <summary>Then strips what the releases before the event did not write.</summary>
    private async Task<Stored> StoreOldFinanceAsync()
    {
        var stored = await StoreFinanceAsync();
        _database.Run(d =>
        {
            foreach (var documents in new[] { d.GetCollection(Books), d.GetCollection(Transactions) })
                foreach (var document in documents.FindAll().ToList())
                {
                    document.Remove(nameof(ApprovalBudget.AnnouncedRevision));
                    document.Remove(nameof(ApprovalBudget.LinesRevision));
                    documents.Update(document);
                }
            return d.GetCollection(LiteDbDatabase.OutboxCollection).DeleteAll();
        });
        return stored;
    }

    private List<ProjectFinanceChanged> Outbox() =>
        [.. _database.Run(d => d.GetCollection<OutboxMessage>(LiteDbDatabase.OutboxCollection).FindAll().OrderBy(m => m.Sequence).ToList())
            .Select(m => (ProjectFinanceChanged)m.Deserialize(typeof(ProjectFinanceChanged)))];

    [Fact]
    public async Task StartAsync_WhenBooksAndTransactionsPredateTheEvent_AnnouncesTheirMoneyThroughTheOutboxWithTheMark()
    {
        var old = await StoreOldFinanceAsync();
        var before = await BookStore().FindAsync(old.Book.Id);
        Assert.Equal(((int?)null, 0), (before!.AnnouncedRevision, before.LinesRevision));

        await Backfill().StartAsync(CancellationToken.None);

        var africa = (int)IloRegion.Africa;
        var events = Outbox();
        Assert.Equal(2, events.Count);
        var book = events.Single(e => e.SourceId == old.Book.Id);
        Assert.Equal(1, book.Revision);
        Assert.Equal([new ProjectFinanceShare(2007, "MWI", africa, 300_000m, 0m), new ProjectFinanceShare(2008, "MWI", africa, 200_000m, 0m)],
            book.Shares.OrderBy(s => s.Year));
        var spent = events.Single(e => e.SourceId == old.Spent.Id);
        Assert.Equal(1, spent.Revision);
        Assert.Equal([new ProjectFinanceShare(2007, "MWI", africa, 0m, 80_000m)], spent.Shares);
        // The commitment puts no money in the comparison: marked, not announced.
        var committed = await TransactionStore().FindAsync(old.Committed.Id);
        Assert.Equal(((int?)1, 2L), (committed!.AnnouncedRevision, committed.Version));
        var after = await BookStore().FindAsync(old.Book.Id);
        Assert.Equal(((int?)1, 1, 2L), (after!.AnnouncedRevision, after.LinesRevision, after.Version));
    }

    [Fact]
    public async Task StartAsync_WhenTwoInstancesStartAtOnceAndOneRestarts_AnnouncesEachRecordOnce()
    {
        var old = await StoreOldFinanceAsync();

        await Task.WhenAll(Task.Run(() => Backfill().StartAsync(CancellationToken.None)), Task.Run(() => Backfill().StartAsync(CancellationToken.None)));
        await Backfill().StartAsync(CancellationToken.None);

        Assert.Equal(new[] { old.Book.Id, old.Spent.Id }.Order(), Outbox().Select(e => e.SourceId).Order());
        Assert.Equal(2L, (await BookStore().FindAsync(old.Book.Id))!.Version);
        Assert.Equal(2L, (await TransactionStore().FindAsync(old.Spent.Id))!.Version);
    }

    [Fact]
    public async Task StartAsync_WhenEverythingIsAnnounced_AsksOneCountPerCollectionAndReadsNothing()
    {
        var stored = await StoreFinanceAsync();
        var outbox = Outbox().Count;

        var calls = await StorageCallsOfAsync(() => Backfill().StartAsync(CancellationToken.None));

        Assert.Equal([$"count {Books}", $"count {Transactions}"], calls);
        Assert.Equal(outbox, Outbox().Count);
        Assert.Equal(1L, (await BookStore().FindAsync(stored.Book.Id))!.Version);
    }

    /// <summary>The storage spans <paramref name="work"/> starts (only its own: other tests run meanwhile).</summary>
    private static async Task<List<string>> StorageCallsOfAsync(Func<Task> work)
    {
        var calls = new List<string>();
        using var parent = new Activity("backfill");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is StorageTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.TraceId == parent.TraceId) lock (calls) calls.Add(a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        parent.SetIdFormat(ActivityIdFormat.W3C);
        parent.Start();
        await work();
        parent.Stop();
        return calls;
    }
}
