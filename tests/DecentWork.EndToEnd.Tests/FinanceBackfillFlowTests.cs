using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using DecentWork.Testing;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Issue 13: money saved before ProjectFinanceChanged existed reaches coordination's region
/// comparison once partnerships starts, and only once. The old records are written straight into
/// partnerships' embedded store as an older release left them (no announcement mark, no event in the outbox).
/// </summary>
public sealed class FinanceBackfillFlowTests(FinanceServices services) : IClassFixture<FinanceServices>
{
    private const int Year = 2007;
    private static readonly DateTimeOffset Now = new(2008, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private ServiceInstance Partnerships => services.Partnerships;

    [SkippableFact]
    public async Task PartnershipsStart_WhenBooksAndTransactionsPredateProjectFinanceChanged_AnnouncesTheirMoneyToTheRegionComparisonOnce()
    {
        Skip.If(TestStore.UsesMongo, "writes old documents straight into the embedded store");
        var (book, spent) = StoreOldFinance();
        var comparison = new CoordinationV1.KnowledgeService.KnowledgeServiceClient(services.Coordination.ChannelFor(TestCaller.ProgrammeStaff));

        await RestartPartnershipsAsync();

        var africa = await Eventually.Until(async () =>
                (await comparison.ReportRegionComparisonAsync(new CoordinationV1.ReportRegionComparisonRequest { Year = Year })).Rows
                .SingleOrDefault(r => r.Region == CoordinationV1.Region.Africa),
            r => Usd(r?.Budget) == 300_000m && Usd(r?.Expenditure) == 80_000m, what: "the old book and transaction in the comparison");
        Assert.Equal("26.67", africa!.DeliveryPercent);

        // Announced with the mark in one save each; a restart finds nothing left (the versions stay) and the outbox empty.
        await RestartPartnershipsAsync();
        Assert.Equal(((int?)1, 2L), await MarkOfAsync<ApprovalBudget>(book.Id, b => b.AnnouncedRevision));
        Assert.Equal(((int?)1, 2L), await MarkOfAsync<FinancialTransaction>(spent.Id, t => t.AnnouncedRevision));
        await Eventually.Until(() => Partnerships.Services.GetRequiredService<IOutbox>().CountAsync(CancellationToken.None), n => n == 0,
            what: "partnerships' outbox to be empty");
        // The idle check is a seek on the marks' indexes.
        var indexed = Database().Run(d => d.GetCollection("$indexes").FindAll()
            .Where(i => i["expression"].AsString.Contains(nameof(ApprovalBudget.AnnouncedRevision), StringComparison.Ordinal))
            .Select(i => i["collection"].AsString).Order().ToList());
        Assert.Equal(["approval_budgets", "financial_transactions"], indexed);
    }

    private async Task RestartPartnershipsAsync()
    {
        await Partnerships.StopAsync();
        await Partnerships.StartAsync();
    }

    private LiteDbDatabase Database() => Partnerships.Services.GetRequiredService<LiteDbDatabase>();

    private async Task<(int? Mark, long Version)> MarkOfAsync<T>(Guid id, Func<T, int?> mark) where T : Aggregate
    {
        var stored = await Partnerships.Services.GetRequiredService<IAggregateStore<T>>().FindAsync(id);
        return (mark(stored!), stored!.Version);
    }

    /// <summary>A Malawi project's book (300,000 in 2007) and an expenditure of 80,000 in 2007, as documents of an older release.</summary>
    private (ApprovalBudget Book, FinancialTransaction Spent) StoreOldFinance()
    {
        var partner = Partner.Register($"Norway {Guid.NewGuid():N}", PartnerCategory.BilateralGovernment, Now);
        var approval = FundingApproval.Record(partner, Guid.NewGuid(), 1_000_000m, Year, Now);
        var project = Project.Register(new ProjectPlan($"MWI/{Guid.NewGuid():N}"[..20], "Skills for rural employment", ["MWI"], [partner.Id], 900_000m,
            new DateOnly(Year, 1, 1), new DateOnly(Year + 1, 12, 31), [], []), Now);
        var book = ApprovalBudget.Open(approval);
        book.SetLine(approval, project, Year, 300_000m, 0m);
        var spent = FinancialTransaction.Record($"GL-{Guid.NewGuid():N}", project,
            new TransactionValues(TransactionType.Expenditure, new DateOnly(Year, 9, 30), 80_000m, "USD", 80_000m, ""), FundingSource.ExtraBudgetary,
            DateOnly.FromDateTime(Now.UtcDateTime));
        Database().Run(d =>
        {
            Insert(d, "approval_budgets", d.Mapper.ToDocument(book));
            Insert(d, "financial_transactions", d.Mapper.ToDocument(spent));
            return true;
        });
        return (book, spent);
    }

    private static void Insert(LiteDatabase database, string collection, BsonDocument document)
    {
        document.Remove(nameof(ApprovalBudget.AnnouncedRevision));
        document.Remove(nameof(ApprovalBudget.LinesRevision));
        document[nameof(Aggregate.Version)] = 1L;
        database.GetCollection(collection).Insert(document);
    }

    private static decimal Usd(Google.Type.Money? money) => money is null ? 0m : ProtoConvert.ToDecimal(money);
}
