using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Domain.Finance;

/// <summary>One region's (null: overall) expenditure in a year and the year before.</summary>
public sealed record ExpenditureGrowth(IloRegion? Region, decimal PreviousUsd, decimal CurrentUsd)
{
    /// <summary>The change in per cent ("" when nothing was spent the year before).</summary>
    public string ChangePercent => FundingReports.Change(CurrentUsd, PreviousUsd);
}

/// <summary>
/// The paper's comparison: "expenditure on technical cooperation in 2007 was 14.5 per cent higher
/// than in 2006 (compared to 5 per cent overall)" for Africa. Pure function of the cells of two years.
/// </summary>
public static class ExpenditureGrowthReport
{
    /// <summary>Every region with expenditure in either year, in region order (0: across regions, last).</summary>
    public static List<ExpenditureGrowth> ByRegion(IEnumerable<FinanceCell> cells, int year)
    {
        var both = cells.Where(c => c.Year == year || c.Year == year - 1).ToList();
        return [.. both.GroupBy(c => c.Region)
            .Select(g => Of(g.Key, g, year))
            .Where(g => g.PreviousUsd != 0 || g.CurrentUsd != 0)
            .OrderBy(g => g.Region == 0 ? int.MaxValue : (int)g.Region!)];
    }

    public static ExpenditureGrowth Overall(IEnumerable<FinanceCell> cells, int year) => Of(null, cells, year);

    private static ExpenditureGrowth Of(IloRegion? region, IEnumerable<FinanceCell> cells, int year)
    {
        var list = cells.ToList();
        return new ExpenditureGrowth(region, list.Where(c => c.Year == year - 1).Sum(c => c.ExpenditureUsd),
            list.Where(c => c.Year == year).Sum(c => c.ExpenditureUsd));
    }
}
