using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Tests;

/// <summary>FundingByCountryGroupReport and the country totals it reads, in memory, with made-up statuses.</summary>
public class FundingByCountryGroupReportTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2024, 5, 1);
    private static readonly Partner Donor = Partner.Register("Government of Spain", PartnerCategory.BilateralGovernment, Now);

    // Made up: Chile least developed until mid-2011, Uruguay in crisis from 2010, Paraguay both, the rest neither.
    private static readonly CountryGroupsView View = new(new Dictionary<string, CountryStatusPeriods>
    {
        ["CHL"] = new([new DatedPeriod { From = new(1990, 1, 1), Until = new(2011, 7, 1) }], []),
        ["URY"] = new([], [new DatedPeriod { From = new(2010, 1, 1) }]),
        ["PRY"] = new([new DatedPeriod { From = new(1971, 1, 1) }], [new DatedPeriod { From = new(2000, 1, 1) }]),
    });

    private static FundingApproval Approve(int year, params (decimal Amount, string? Country)[] parts) =>
        FundingApproval.Record(Donor, parts.Sum(p => p.Amount), year, new FundingTerms(null,
            [.. parts.Select(p => new Allocation { AmountUsd = p.Amount, CountryCode = p.Country, Region = p.Country is null ? IloRegion.Africa : null })]), Now);

    private static List<(CountryGroup Group, decimal Amount, int Count)> Rows(IEnumerable<FundingApproval> approvals, DateOnly? on = null, FundingSource? source = null)
    {
        var buckets = new FundingApprovalCountryTotals().BucketsOf(approvals).ToList();
        var groups = CountryGroups.RowOrder.Select(g => new CountryGroupFilter(g, on)).ToList();
        return [.. FundingByCountryGroupReport.Rows([.. buckets.Where(b => b.Parts[0] == "c")], buckets.Where(b => b.Parts[0] == "n"), groups, View, Today, source)
            .Select(r => (r.Key, r.AmountUsd, r.ApprovalCount))];
    }

    [Fact]
    public void Rows_WhenApprovalsGoToEveryGroup_OverlapAndLeaveNoCountryMoneyInTheLastRow()
    {
        var cancelled = Approve(2011, (70m, "CHL"));
        cancelled.Cancel("Recorded twice", Donor, "test", Now);
        FundingApproval[] approvals = [Approve(2010, (100m, "CHL")), Approve(2011, (40m, "URY"), (60m, "ARG")), Approve(2011, (25m, "PRY"), (30m, null)), cancelled];

        Assert.Equal([(CountryGroup.LeastDeveloped, 125m, 2), (CountryGroup.InCrisis, 65m, 2), (CountryGroup.Neither, 60m, 1),
            (CountryGroup.LeastDevelopedOrInCrisis, 165m, 3), (default, 30m, 1)], Rows(approvals));
        // On a day after Chile's graduation its 2010 money is in neither group.
        Assert.Equal((25m, 160m), (Rows(approvals, new DateOnly(2012, 1, 1))[0].Amount, Rows(approvals, new DateOnly(2012, 1, 1))[2].Amount));
    }

    [Fact]
    public void Rows_WhenApprovalsAreRandom_NeitherTheUnionAndNoCountryAddUpToEveryApprovalNotCancelled()
    {
        var random = new Random(13);
        string?[] countries = ["CHL", "URY", "PRY", "ARG", "BRA", null];
        var approvals = Enumerable.Range(0, 200).Select(_ => Approve(random.Next(2005, 2015),
            [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => ((decimal)random.Next(1, 1_000), countries[random.Next(countries.Length)]))])).ToList();
        foreach (var approval in approvals.Where((_, i) => i % 7 == 0))
            approval.Cancel("Test", Donor, "test", Now);

        var rows = Rows(approvals);

        Assert.Equal(approvals.Where(a => !a.IsCancelled()).Sum(a => a.AmountUsd), rows[2].Amount + rows[3].Amount + rows[4].Amount);
        Assert.True(rows[0].Amount + rows[1].Amount >= rows[3].Amount, "least developed and in crisis overlap in the union");
        Assert.All(Rows(approvals, source: FundingSource.Rbsa), r => Assert.Equal(0m, r.Amount));
    }
}
