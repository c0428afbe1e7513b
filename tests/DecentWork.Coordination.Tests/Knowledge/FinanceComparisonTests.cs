using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>Budget, expenditure, delivery and expenditure growth in the region comparison, as a pure function of the finance views.</summary>
public class FinanceComparisonTests
{
    private static ProjectFinanceShare Budget(int year, string country, IloRegion? region, decimal usd) => new(year, country, (int)(region ?? 0), usd, 0m);

    private static ProjectFinanceShare Spent(int year, string country, IloRegion? region, decimal usd) => new(year, country, (int)(region ?? 0), 0m, usd);

    private static KnownFinance Record(params ProjectFinanceShare[] shares) => KnownFinance.From(new ProjectFinanceChanged(Guid.NewGuid(), 1, shares));

    // Made-up money: Kenya spends 115,000 of 200,000 in 2031 after 100,000 in 2030; Tanzania 30,000 of 120,000 after 60,000;
    // Peru 55,000 of 50,000 after 50,000; a multi-country Africa project 10,000 both years; a project across regions 7,000 in 2031.
    private static readonly KnownFinance[] Records =
    [
        Record(Budget(2030, "KEN", IloRegion.Africa, 150_000m), Budget(2031, "KEN", IloRegion.Africa, 200_000m)),
        Record(Spent(2030, "KEN", IloRegion.Africa, 100_000m)),
        Record(Spent(2031, "KEN", IloRegion.Africa, 115_000m)),
        Record(Budget(2031, "TZA", IloRegion.Africa, 120_000m)),
        Record(Spent(2030, "TZA", IloRegion.Africa, 60_000m)),
        Record(Spent(2031, "TZA", IloRegion.Africa, 30_000m)),
        Record(Budget(2031, "PER", IloRegion.Americas, 50_000m)),
        Record(Spent(2030, "PER", IloRegion.Americas, 50_000m)),
        Record(Spent(2031, "PER", IloRegion.Americas, 55_000m)),
        Record(Spent(2030, "", IloRegion.Africa, 10_000m), Spent(2031, "", IloRegion.Africa, 10_000m)),
        Record(Spent(2031, "", null, 7_000m)),
    ];

    private static RegionComparisonResult Compare(IloRegion? region, int? year, IReadOnlySet<string>? scopes = null) =>
        RegionComparison.Compare(region, new FinanceByCountryProjection().BucketsOf(Records), scopes, year);

    [Fact]
    public void Compare_WhenAYearIsAskedWithinARegion_GivesEachCountrysDeliveryAndGrowth()
    {
        var result = Compare(IloRegion.Africa, 2031);

        Assert.Equal(["KEN", "TZA"], result.Rows.Select(r => r.CountryCode));
        var (kenya, tanzania) = (result.Rows[0], result.Rows[1]);
        Assert.Equal((200_000m, 115_000m, 57.50m, 100_000m, 15.00m),
            (kenya.BudgetUsd, kenya.ExpenditureUsd, kenya.DeliveryPercent, kenya.PreviousExpenditureUsd, kenya.ExpenditureChangePercent));
        Assert.Equal((120_000m, 30_000m, 25.00m, -50.00m), (tanzania.BudgetUsd, tanzania.ExpenditureUsd, tanzania.DeliveryPercent, tanzania.ExpenditureChangePercent));
        // The multi-country project has no country row; the total is the countries' rows.
        Assert.Equal((320_000m, 145_000m, 160_000m), (result.Total.BudgetUsd, result.Total.ExpenditureUsd, result.Total.PreviousExpenditureUsd));
    }

    [Fact]
    public void Compare_WhenBetweenRegions_CountsRegionalMoneyInItsRegionAndCrossRegionalMoneyInTheTotal()
    {
        var result = Compare(null, 2031);

        Assert.Equal([IloRegion.Africa, IloRegion.Americas], result.Rows.Select(r => r.Region));
        var (africa, americas) = (result.Rows[0], result.Rows[1]);
        // Africa: 115,000 + 30,000 + 10,000 against 100,000 + 60,000 + 10,000 the year before.
        Assert.Equal((155_000m, 170_000m, -8.82m, 48.44m), (africa.ExpenditureUsd, africa.PreviousExpenditureUsd, africa.ExpenditureChangePercent, africa.DeliveryPercent));
        Assert.Equal((55_000m, 10.00m, 110.00m), (americas.ExpenditureUsd, americas.ExpenditureChangePercent, americas.DeliveryPercent));
        // Overall: 155,000 + 55,000 + 7,000 = 217,000 against 220,000.
        Assert.Equal((370_000m, 217_000m, 220_000m, -1.36m), (result.Total.BudgetUsd, result.Total.ExpenditureUsd, result.Total.PreviousExpenditureUsd,
            result.Total.ExpenditureChangePercent));
    }

    [Fact]
    public void Compare_WhenNoYearIsAsked_SumsEveryYearWithoutGrowth()
    {
        var kenya = Compare(IloRegion.Africa, null).Rows[0];

        Assert.Equal((350_000m, 215_000m, 61.43m, 0m), (kenya.BudgetUsd, kenya.ExpenditureUsd, kenya.DeliveryPercent, kenya.PreviousExpenditureUsd));
        Assert.Null(kenya.ExpenditureChangePercent);
        Assert.Null(Compare(IloRegion.Africa, 2029).Rows[0].DeliveryPercent);
    }

    [Fact]
    public void Compare_WhenScoped_LeavesOutMoneyOfProjectsInSeveralCountriesAndAcrossRegions()
    {
        var result = Compare(null, 2031, new HashSet<string> { "TZA" });

        var africa = Assert.Single(result.Rows);
        Assert.Equal((120_000m, 30_000m, 60_000m), (africa.BudgetUsd, africa.ExpenditureUsd, africa.PreviousExpenditureUsd));
        Assert.Equal(30_000m, result.Total.ExpenditureUsd);
    }

    [Fact]
    public void KnownFinance_WhenStatesArriveOutOfOrder_KeepsTheLatestRevision()
    {
        var id = Guid.NewGuid();
        var known = KnownFinance.From(new ProjectFinanceChanged(id, 3, [Spent(2031, "kEN", IloRegion.Africa, 40m)]));

        Assert.False(known.Replace(KnownFinance.From(new ProjectFinanceChanged(id, 2, [Spent(2031, "KEN", IloRegion.Africa, 999m)]))));
        Assert.True(known.Replace(KnownFinance.From(new ProjectFinanceChanged(id, 4, []))));
        Assert.False(known.Replace(KnownFinance.From(new ProjectFinanceChanged(id, 4, [Spent(2031, "KEN", IloRegion.Africa, 1m)]))));
        Assert.Empty(known.Shares);
        Assert.Throws<ArgumentException>(() => known.Replace(KnownFinance.From(new ProjectFinanceChanged(Guid.NewGuid(), 9, []))));
    }
}
