using System.Text;
using DecentWork.Partnerships.Domain;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.Partnerships.Grpc;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Tests;

/// <summary>The budget-book rules, the transaction rules and the reports as pure functions over a few aggregates.</summary>
public class ProjectFinanceTests
{
    private static readonly DateTimeOffset Now = new(2008, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2008, 6, 1);
    private static readonly Partner Norway = Partner.Register("Norway", PartnerCategory.BilateralGovernment, Now);

    private static Project ProjectIn(string country, decimal budget = 1_000_000m, params Guid[] partners) =>
        Project.Register(new ProjectPlan($"P-{Guid.NewGuid():N}"[..20], "Project", [country], partners.Length > 0 ? partners : [Norway.Id], budget,
            new DateOnly(2006, 1, 1), new DateOnly(2008, 12, 31), [], []), Now);

    private static FundingApproval Approval(decimal amount) => FundingApproval.Record(Norway, Guid.NewGuid(), amount, 2006, Now);

    private static FinancialTransaction Spend(Project project, int year, decimal usd, TransactionType type = TransactionType.Expenditure) =>
        FinancialTransaction.Record(Guid.NewGuid().ToString(), project, new TransactionValues(type, new DateOnly(year, 6, 1), usd, "USD", usd, ""),
            FundingSource.ExtraBudgetary, Today);

    // The per-project cells only: the place and partner families hold the same money again.
    private static List<FinanceCell> Cells(IEnumerable<ApprovalBudget> books, IEnumerable<FinancialTransaction> transactions) =>
        FinanceCell.From([.. new ProjectBudgetTotals().BucketsOf(books).Concat(new TransactionTotals().BucketsOf(transactions))
            .Where(b => b.Key.StartsWith("y|", StringComparison.Ordinal))]);

    [Fact]
    public void SetLine_WhenTheApprovalHasTooLittleLeft_IsRefusedWithWhatIsLeft()
    {
        var approval = Approval(500_000m);
        var book = ApprovalBudget.Open(approval);
        book.SetLine(approval, ProjectIn("ZMB"), 2007, 400_000m, projectBudgetedUsd: 0m);

        var refused = Assert.Throws<DomainRuleException>(() => book.SetLine(approval, ProjectIn("KEN"), 2007, 100_000.01m, 0m));

        Assert.Equal(("APPROVAL_OVERCOMMITTED", "100000.00"), (refused.Reason, refused.Metadata["left_usd"]));
    }

    [Fact]
    public void SetLine_WhenReplacingALine_CountsOnlyTheNewAmount()
    {
        var approval = Approval(500_000m);
        var project = ProjectIn("ZMB", budget: 500_000m);
        var book = ApprovalBudget.Open(approval);
        book.SetLine(approval, project, 2007, 500_000m, 0m);

        book.SetLine(approval, project, 2007, 450_000m, projectBudgetedUsd: 500_000m);

        Assert.Equal(450_000m, book.CommittedUsd);
    }

    [Fact]
    public void SetLine_WhenTheProjectsOtherLinesLeaveTooLittle_IsRefused()
    {
        var approval = Approval(5_000_000m);
        var project = ProjectIn("ZMB", budget: 500_000m);

        var refused = Assert.Throws<DomainRuleException>(() => ApprovalBudget.Open(approval).SetLine(approval, project, 2007, 200_000m, projectBudgetedUsd: 400_000m));

        Assert.Equal("PROJECT_OVERBUDGETED", refused.Reason);
    }

    [Fact]
    public void Refusal_WhenTheDateIsOutsideTheProject_NamesTheDate()
    {
        var project = ProjectIn("ZMB");

        var refusal = FinancialTransaction.Refusal(project, new TransactionValues(TransactionType.Expenditure, new DateOnly(2005, 12, 31), 1m, "USD", 1m, ""), Today);

        Assert.Equal("transaction_date", refusal?.Field);
    }

    [Fact]
    public void Revise_WhenTheValuesAreTheSame_ChangesNothing()
    {
        var project = ProjectIn("ZMB");
        var values = new TransactionValues(TransactionType.Expenditure, new DateOnly(2007, 1, 1), 10m, "USD", 10m, "");
        var transaction = FinancialTransaction.Record("GL-1", project, values, FundingSource.ExtraBudgetary, Today);

        Assert.False(transaction.Revise(project, values, FundingSource.ExtraBudgetary, Today, Now, "me"));
        Assert.True(transaction.Revise(project, values with { Amount = 11m, AmountUsd = 11m }, FundingSource.ExtraBudgetary, Today, Now, "me"));
        Assert.Equal((11m, 10m), (transaction.AmountUsd, transaction.Revisions.Single().AmountUsd));
        Assert.Equal(FinancialTransaction.IdOf("GL-1"), transaction.Id);
    }

    [Fact]
    public void ByRegion_WithThePapersFigures_GivesAfricaFourteenAndAHalfAgainstFiveOverall()
    {
        var (africa, europe) = (ProjectIn("TZA"), ProjectIn("ALB"));
        var cells = Cells([], [Spend(africa, 2006, 40_000_000m), Spend(africa, 2007, 45_800_000m),
            Spend(europe, 2006, 160_000_000m), Spend(europe, 2007, 164_200_000m), Spend(europe, 2007, 1m, TransactionType.Commitment)]);

        var regions = ExpenditureGrowthReport.ByRegion(cells, 2007);

        Assert.Equal([(IloRegion.Africa, "14.50"), (IloRegion.EuropeCentralAsia, "2.63")], regions.Select(r => (r.Region!.Value, r.ChangePercent)));
        Assert.Equal("5.00", ExpenditureGrowthReport.Overall(cells, 2007).ChangePercent);
    }

    [Fact]
    public void ByCountry_DividesExpenditureByBudgetPerCountry()
    {
        var approval = Approval(1_000_000m);
        var (zambia, kenya) = (ProjectIn("ZMB"), ProjectIn("KEN"));
        var book = ApprovalBudget.Open(approval);
        book.SetLine(approval, zambia, 2007, 200_000m, 0m);
        book.SetLine(approval, kenya, 2007, 400_000m, 0m);

        var rows = DeliveryReport.ByCountry(Cells([book], [Spend(zambia, 2007, 50_000m), Spend(kenya, 2007, 400_000m)]));

        Assert.Equal([("KEN", "100.00"), ("ZMB", "25.00")], rows.Select(r => (r.Key, r.DeliveryRatePercent)));
    }

    [Fact]
    public void Attribution_WhenAProjectSpansRegionsAndPartners_CountsUnderNone()
    {
        var project = Project.Register(new ProjectPlan("MULTI-1", "Multi", ["ZMB", "VNM"], [Guid.NewGuid(), Guid.NewGuid()], 1m,
            new DateOnly(2006, 1, 1), new DateOnly(2007, 1, 1), [], []), Now);

        Assert.Equal(new FinanceAttribution("", null, Guid.Empty), FinanceAttribution.Of(project));
    }

    [Fact]
    public void Read_WhenAFieldIsQuotedWithCommasQuotesAndLineBreaks_KeepsItWhole()
    {
        var violations = new FieldViolations();
        var csv = "description,source_line_id,project_code,transaction_type,transaction_date,amount,currency\r\n" +
            "\"Training, \"\"Lusaka\"\"\r\nsecond line\",A,P,4,2007-01-01,1,USD\r\nplain,B,P,4,2007-01-01,1,USD\n";

        var records = TransactionCsv.Read(Encoding.UTF8.GetBytes(csv), 10, violations);

        Assert.Equal([(2, "Training, \"Lusaka\"\r\nsecond line"), (4, "plain")], records.Select(r => (r.Line, r["description"])));
    }
}
