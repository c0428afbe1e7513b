using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Tests;

/// <summary>The report arithmetic, checked against the paper's figures (GB.303/TC/1).</summary>
public class FundingReportsTests
{
    private static readonly DateTimeOffset Now = new(2008, 1, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Partner Eu = Partner.Register("European Union", PartnerCategory.EuropeanUnion, Now);
    private static readonly Partner Norway = Partner.Register("Norway", PartnerCategory.BilateralGovernment, Now);

    private static FundingApproval Approve(Partner partner, decimal amount, int year, IloRegion? region = null,
        FundingSource source = FundingSource.ExtraBudgetary, MobilisedBy by = MobilisedBy.NotRecorded) =>
        FundingApproval.Record(partner, amount, year,
            new FundingTerms(null, [new Allocation { Region = region, AmountUsd = amount }], Source: source, MobilisedBy: by), Now);

    [Fact]
    public void ByPartner_PutsTheLargestDonorFirstWithItsShare()
    {
        var approvals = new[] { Approve(Norway, 30_000_000m, 2007), Approve(Eu, 65_800_000m, 2007), Approve(Norway, 4_200_000m, 2007) };

        var rows = FundingReports.ByPartner(approvals);

        Assert.Equal([(Eu.Id, 65_800_000m, 1), (Norway.Id, 34_200_000m, 2)], rows.Select(r => (r.Key, r.AmountUsd, r.ApprovalCount)));
        Assert.Equal("65.80", FundingReports.Percent(rows[0].AmountUsd, FundingReports.Total(approvals)));
    }

    [Fact]
    public void ByPartnerCategory_GathersThePartnersOfACategoryAndCountsTheirApprovals()
    {
        var fund = Partner.Register("MDG Achievement Fund", PartnerCategory.UnSystem, Now);
        var approvals = new[] { Approve(Norway, 30m, 2007), Approve(fund, 20m, 2007), Approve(fund, 25m, 2007), Approve(Eu, 65.8m, 2007) };
        var categories = new Dictionary<Guid, PartnerCategory> { [Eu.Id] = Eu.Category, [fund.Id] = fund.Category };

        var rows = FundingReports.ByPartnerCategory(FundingReports.ByPartner(approvals), id => categories.TryGetValue(id, out var c) ? c : null);

        Assert.Equal([(PartnerCategory.EuropeanUnion, 65.8m, 1), (PartnerCategory.UnSystem, 45m, 2), ((PartnerCategory?)null, 30m, 1)],
            rows.Select(r => (r.Key, r.AmountUsd, r.ApprovalCount)));
    }

    [Fact]
    public void Rank_IsThePlaceByAmountAndTiesShareIt()
    {
        var rows = FundingReports.ByYear([Approve(Eu, 10m, 2005), Approve(Eu, 30m, 2006), Approve(Norway, 10m, 2007), Approve(Eu, 5m, 2008)]);
        Assert.Equal([2, 1, 2, 4], rows.Select(r => FundingReports.Rank(r, rows)));
    }

    [Fact]
    public void ByYear_TotalsEachYearOldestFirst()
    {
        var rows = FundingReports.ByYear([Approve(Eu, 270m, 2007), Approve(Eu, 197m, 2006), Approve(Norway, 0.5m, 2007)]);
        Assert.Equal([(2006, 197m), (2007, 270.5m)], rows.Select(r => (r.Key, r.AmountUsd)));
    }

    [Fact]
    public void BySource_SeparatesExtraBudgetaryFromRegularBudget()
    {
        var rows = FundingReports.BySource([Approve(Eu, 270m, 2007), Approve(Norway, 12m, 2007, source: FundingSource.RegularBudgetTc)]);
        Assert.Equal([(FundingSource.ExtraBudgetary, 270m), (FundingSource.RegularBudgetTc, 12m)], rows.Select(r => (r.Key, r.AmountUsd)));
    }

    [Fact]
    public void ByRegion_SumsAllocationsAndCountsAnApprovalOncePerRegion()
    {
        var split = FundingApproval.Record(Eu, 44m, 2008, new FundingTerms(null,
        [
            new Allocation { Region = IloRegion.Africa, CountryCode = "ZMB", AmountUsd = 12m },
            new Allocation { Region = IloRegion.Africa, AmountUsd = 10m },
            new Allocation { Region = IloRegion.AsiaPacific, AmountUsd = 15m },
            new Allocation { AmountUsd = 7m },
        ]), Now);

        var rows = FundingReports.ByRegion([split, Approve(Norway, 1m, 2008, IloRegion.AsiaPacific)]);

        Assert.Equal([(IloRegion.Africa, 22m, 1), (IloRegion.AsiaPacific, 16m, 2), ((IloRegion)0, 7m, 1)],
            rows.Select(r => (r.Key, r.AmountUsd, r.ApprovalCount)));
    }

    [Theory]
    [InlineData("1", "3", "33.33")]
    [InlineData("2", "3", "66.67")]
    [InlineData("1", "800", "0.13")] // 0.125: half away from zero, not to even
    [InlineData("5", "0", "")]
    public void Percent_RoundsToTwoDecimalsHalfAwayFromZero(string part, string whole, string expected) =>
        Assert.Equal(expected, FundingReports.Percent(decimal.Parse(part), decimal.Parse(whole)));

    [Theory]
    [InlineData("114.5", "100", "14.50")]
    [InlineData("95", "100", "-5.00")]
    [InlineData("3", "0", "")]
    public void Change_IsThePercentageOnThePreviousValue(string current, string previous, string expected) =>
        Assert.Equal(expected, FundingReports.Change(decimal.Parse(current), decimal.Parse(previous)));

    [Fact]
    public void FieldOffice_SharesTheTotalByWhoMobilisedIt()
    {
        var share = RegionalReports.FieldOffice(
        [
            Approve(Eu, 30m, 2007, by: MobilisedBy.FieldOffice),
            Approve(Eu, 60m, 2007, by: MobilisedBy.Headquarters),
            Approve(Norway, 10m, 2007),
        ]);

        Assert.Equal(new FieldOfficeShare(100m, 30m, 60m, 10m), share);
        Assert.Equal("30.00", share.FieldOfficeSharePercent());
    }

    [Fact]
    public void Africa_GivesTheShareAndTheChangeOnThePreviousYear()
    {
        // Africa up 14.5 per cent against 5 per cent overall, as in the paper.
        var years = RegionalReports.Africa(
        [
            Approve(Eu, 100m, 2006, IloRegion.Africa), Approve(Eu, 900m, 2006, IloRegion.Americas),
            Approve(Eu, 114.5m, 2007, IloRegion.Africa), Approve(Norway, 935.5m, 2007),
        ], 2007, 2008);

        Assert.Equal(new AfricaYear(2007, 114.5m, 1050m, 100m, 1000m), years[0]);
        Assert.Equal(("10.90", "14.50", "5.00"), (years[0].SharePercent(), years[0].AfricaChangePercent(), years[0].TotalChangePercent()));
        Assert.Equal(new AfricaYear(2008, 0m, 0m, 114.5m, 1050m), years[1]);
        Assert.Equal(("", "-100.00"), (years[1].SharePercent(), years[1].AfricaChangePercent()));
    }
}
