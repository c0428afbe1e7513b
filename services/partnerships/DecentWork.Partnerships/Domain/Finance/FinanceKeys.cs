using System.Globalization;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>
/// The report cell both finance projections write: "y|year|source|region|country|partner|project",
/// budgets from the budget books, commitments, disbursements and expenditure from the
/// transactions. A report reads the cells of its years from both and totals them; its cost grows
/// with years × projects, never with the number of transactions.
/// </summary>
public static class FinanceKeys
{
    public const string Cells = "y";
    public const string Lines = "l";
    public const string BudgetFigure = "budget";
    public const string NoCountry = "-";

    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public static int Number(string part) => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Code(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    public static string Cell(int year, FundingSource source, IloRegion? region, string countryCode, Guid partnerId, Guid projectId) =>
        BucketKey.Of(Cells, Year(year), Code((int)source), Code((int)(region ?? 0)), countryCode.Length == 0 ? NoCountry : countryCode,
            partnerId.ToString("N"), projectId.ToString("N"));

    /// <summary>The cells of the years from <paramref name="startYear"/> to <paramref name="endYear"/>.</summary>
    public static BucketRange CellsBetween(int startYear, int endYear) =>
        BucketRange.Between($"{Cells}{BucketKey.Separator}{Year(startYear)}", $"{Cells}{BucketKey.Separator}{Year(endYear)}");
}

/// <summary>One cell: a project's money of one year, source, place and partner.</summary>
public sealed record FinanceCell(int Year, FundingSource Source, IloRegion Region, string CountryCode, Guid PartnerId, Guid ProjectId,
    decimal BudgetUsd, decimal CommitmentsUsd, decimal DisbursementsUsd, decimal ExpenditureUsd)
{
    /// <summary>Parses cells of either projection (figures a projection does not write read as 0).</summary>
    public static List<FinanceCell> From(IEnumerable<Bucket> buckets) =>
        [.. buckets.Select(b =>
        {
            var p = b.Parts;
            return new FinanceCell(FinanceKeys.Number(p[1]), (FundingSource)FinanceKeys.Number(p[2]), (IloRegion)FinanceKeys.Number(p[3]), p[4] == FinanceKeys.NoCountry ? "" : p[4],
                Guid.ParseExact(p[5], "N"), Guid.ParseExact(p[6], "N"), b[FinanceKeys.BudgetFigure],
                b[TransactionTotals.Figure(TransactionType.Commitment)], b[TransactionTotals.Figure(TransactionType.Disbursement)],
                b[TransactionTotals.Figure(TransactionType.Expenditure)]);
        })];
}
