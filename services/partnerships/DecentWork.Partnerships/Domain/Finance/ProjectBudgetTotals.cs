using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>
/// The budget books' totals, kept by the store in the same transaction as every book saved. Two
/// families: "l|project|year|approval|source" (one project's lines: its budget, what is left of
/// its funding, the sources funding it) and the report cells per project, country, region and partner (see
/// <see cref="FinanceKeys"/>), year first so that a period is one key range.
/// </summary>
public sealed class ProjectBudgetTotals : Projection<ApprovalBudget>
{
    public const string ProjectionName = "project-budget-totals";
    public const string UsdFigure = "usd";

    public override string Name => ProjectionName;

    // 2: the country, region and partner cells beside the per-project ones.
    public override int Version => 2;

    public override void Contribute(ApprovalBudget book, Contributions contributions)
    {
        foreach (var line in book.Lines)
        {
            var lineKey = BucketKey.Of(FinanceKeys.Lines, line.ProjectId.ToString("N"), BucketKey.Year(line.Year), book.Id.ToString("N"),
                FinanceKeys.Code((int)book.Source));
            contributions.Add(lineKey, UsdFigure, line.AmountUsd);
            FinanceKeys.Add(contributions, FinanceKeys.BudgetFigure, line.AmountUsd, line.Year, book.Source, line.Region, line.CountryCode,
                book.PartnerId, line.ProjectId);
        }
    }

    /// <summary>Every line of one project.</summary>
    public static BucketRange LinesOf(Guid projectId) =>
        BucketRange.Prefix(BucketKey.Of(FinanceKeys.Lines, projectId.ToString("N")) + BucketKey.Separator);

    /// <summary>One project's lines, parsed from its "l" buckets.</summary>
    public static List<ProjectBudgetLine> Parse(IEnumerable<Bucket> buckets) =>
        [.. buckets.Select(b => new ProjectBudgetLine(FinanceKeys.Number(b.Parts[2]), Guid.ParseExact(b.Parts[3], "N"),
                (FundingSource)FinanceKeys.Number(b.Parts[4]), b[UsdFigure]))
            .OrderBy(l => l.Year).ThenBy(l => l.ApprovalId)];
}

/// <summary>One year of a project's budget from one approval, as the projection keeps it.</summary>
public sealed record ProjectBudgetLine(int Year, Guid ApprovalId, FundingSource Source, decimal AmountUsd);
