using System.Collections.Concurrent;
using DecentWork.Testing;
using MassTransit;
using Published = DecentWork.Contracts.Events.Partnerships.ProjectFinanceChanged;

namespace DecentWork.Partnerships.Tests;

/// <summary>Budget lines and transactions announce their money through the outbox, for coordination's region comparison.</summary>
public class ProjectFinancePublishedTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly FinanceSteps _steps = new(fixture);

    [Fact]
    public async Task SetProjectBudgetLineAndImport_WhenSaved_PublishTheWholeStateWithAGrowingRevision()
    {
        var heard = new ConcurrentQueue<Published>();
        var handle = fixture.Bus.ConnectReceiveEndpoint($"test-finance-published-{Guid.NewGuid():N}", e =>
            e.Handler<Published>(context => { heard.Enqueue(context.Message); return Task.CompletedTask; }));
        await handle.Ready;
        try
        {
            var (partner, approval) = await _steps.ApprovalAsync(1_000_000m);
            var project = await _steps.ProjectAsync(partner.Id, 800_000m, country: "UGA");
            await _steps.BudgetAsync(project, approval, 2007, 400_000m);
            await _steps.BudgetAsync(project, approval, 2008, 100_000m);
            await _steps.BudgetAsync(project, approval, 2007, 250_000m);
            var (spent, committed) = (FinanceSteps.NewLineId(), FinanceSteps.NewLineId());
            await Import(FinanceSteps.Row(spent, project, "expenditure", "2007-03-15", "60000"), FinanceSteps.Row(committed, project, "commitment", "2007-03-15", "9000"));
            await Import(FinanceSteps.Row(spent, project, "expenditure", "2008-01-03", "65000"));

            var book = await Eventually.Until(() => Task.FromResult(heard.Where(e => e.SourceId.ToString() == approval.Id).MaxBy(e => e.Revision)),
                e => e?.Revision == 3, what: "the budget book's third state");
            var expenditure = await Eventually.Until(() => Task.FromResult(heard.Where(e => e.SourceId == Transaction(spent)).MaxBy(e => e.Revision)),
                e => e?.Revision == 2, what: "the re-imported expenditure");
            var commitment = await Eventually.Until(() => Task.FromResult(heard.FirstOrDefault(e => e.SourceId == Transaction(committed))),
                e => e is not null, what: "the commitment");

            Assert.Equal([(2007, "UGA", 1, 250_000m, 0m), (2008, "UGA", 1, 100_000m, 0m)],
                book!.Shares.OrderBy(s => s.Year).Select(s => (s.Year, s.CountryCode, s.Region, s.BudgetUsd, s.ExpenditureUsd)));
            Assert.Equal([(2008, "UGA", 1, 0m, 65_000m)], expenditure!.Shares.Select(s => (s.Year, s.CountryCode, s.Region, s.BudgetUsd, s.ExpenditureUsd)));
            // A commitment spends nothing: it is announced with no money, so a line re-imported as one takes its expenditure away.
            Assert.Empty(commitment!.Shares);
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    private Task Import(params string[] rows) => _steps.Staff.ImportFinancialTransactionsAsync(FinanceSteps.Csv(false, rows)).ResponseAsync;

    private static Guid Transaction(string sourceLineId) => Partnerships.Domain.Finance.FinancialTransaction.IdOf(sourceLineId);
}
