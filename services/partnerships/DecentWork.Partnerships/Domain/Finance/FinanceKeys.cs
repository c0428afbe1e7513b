using System.Globalization;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>
/// The report cells both finance projections write, budgets from the budget books, commitments,
/// disbursements and expenditure from the transactions, in four families kept in the same save:
/// "y|year|source|region|country|partner|project" (per project: the reports by project and a
/// partner agency's own scope), "c|year|source|region|country" (per country: by country, country
/// and year, and whatever a country group filters), "r|year|source|region" (by region, by year,
/// expenditure growth) and "p|year|source|partner" (by partner). A report reads the cells of its
/// years from both projections and totals them; the coarse families grow with years × countries,
/// regions or partners, not with projects, so only a report listing projects, or a partner
/// agency's, reads per-project cells.
/// </summary>
public static class FinanceKeys
{
    public const string Cells = "y";
    public const string Places = "c";
    public const string Regions = "r";
    public const string Partners = "p";
    public const string Lines = "l";
    public const string BudgetFigure = "budget";
    public const string NoCountry = "-";

    public static int Number(string part) => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Code(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Adds one amount to its cell in every family, so the families always hold the same money.</summary>
    public static void Add(Contributions contributions, string figure, decimal amount, int year, FundingSource source, IloRegion? region,
        string countryCode, Guid partnerId, Guid projectId)
    {
        var (yearPart, sourcePart, regionPart) = (BucketKey.Year(year), Code((int)source), Code((int)(region ?? 0)));
        var country = countryCode.Length == 0 ? NoCountry : countryCode;
        contributions.Add(BucketKey.Of(Cells, yearPart, sourcePart, regionPart, country, partnerId.ToString("N"), projectId.ToString("N")), figure, amount)
            .Add(BucketKey.Of(Places, yearPart, sourcePart, regionPart, country), figure, amount)
            .Add(BucketKey.Of(Regions, yearPart, sourcePart, regionPart), figure, amount)
            .Add(BucketKey.Of(Partners, yearPart, sourcePart, partnerId.ToString("N")), figure, amount);
    }

    /// <summary>The cells of one family (<see cref="Cells"/>, <see cref="Places"/>, <see cref="Regions"/>, <see cref="Partners"/>) of the years from <paramref name="startYear"/> to <paramref name="endYear"/>.</summary>
    public static BucketRange Between(string family, int startYear, int endYear) =>
        BucketRange.Between($"{family}{BucketKey.Separator}{BucketKey.Year(startYear)}", $"{family}{BucketKey.Separator}{BucketKey.Year(endYear)}");
}

/// <summary>
/// One cell: a project's money of one year, source, place and partner. A place cell has no partner
/// or project (<see cref="Guid.Empty"/>), a region cell no country either (""), a partner cell no
/// region, country or project (0, "", empty): read each family only for the groupings its key holds.
/// </summary>
public sealed record FinanceCell(int Year, FundingSource Source, IloRegion Region, string CountryCode, Guid PartnerId, Guid ProjectId,
    decimal BudgetUsd, decimal CommitmentsUsd, decimal DisbursementsUsd, decimal ExpenditureUsd)
{
    /// <summary>Parses cells of any family of either projection (figures a projection does not write read as 0).</summary>
    public static List<FinanceCell> From(IEnumerable<Bucket> buckets) =>
        [.. buckets.Select(b =>
        {
            var p = b.Parts;
            var (region, country, partner, project) = p[0] switch
            {
                FinanceKeys.Places => (p[3], p[4], Guid.Empty, Guid.Empty),
                FinanceKeys.Regions => (p[3], FinanceKeys.NoCountry, Guid.Empty, Guid.Empty),
                FinanceKeys.Partners => ("00", FinanceKeys.NoCountry, Guid.ParseExact(p[3], "N"), Guid.Empty),
                _ => (p[3], p[4], Guid.ParseExact(p[5], "N"), Guid.ParseExact(p[6], "N")),
            };
            return new FinanceCell(FinanceKeys.Number(p[1]), (FundingSource)FinanceKeys.Number(p[2]), (IloRegion)FinanceKeys.Number(region),
                country == FinanceKeys.NoCountry ? "" : country, partner, project, b[FinanceKeys.BudgetFigure],
                b[TransactionTotals.Figure(TransactionType.Commitment)], b[TransactionTotals.Figure(TransactionType.Disbursement)],
                b[TransactionTotals.Figure(TransactionType.Expenditure)]);
        })];
}
