using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;

namespace DecentWork.Partnerships.Tests;

/// <summary>Allocation totals by strategic objective, theme and implementing unit, and ReportFundingGrowth. Each test has years of its own.</summary>
public class AllocationReportServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task<FundingApproval> RecordAsync(int year, params FundingAllocation[] allocations)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var request = new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, Year = year, Amount = ProtoConvert.ToMoney(allocations.Sum(a => ProtoConvert.ToDecimal(a.Amount))),
        };
        request.Allocations.AddRange(allocations);
        return await _client.RecordFundingApprovalAsync(request);
    }

    private static FundingAllocation Allocation(decimal amount, int objective = 0, AllocationTheme theme = AllocationTheme.Unspecified, string unit = "") =>
        new() { Amount = ProtoConvert.ToMoney(amount), StrategicObjective = objective, Theme = theme, ImplementingUnit = unit, CountryCode = "ZMB" };

    private async Task<List<(string, decimal, int)>> Report(FundingApprovalGrouping groupBy, int year) =>
        [.. (await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest { GroupBy = groupBy, StartYear = year, EndYear = year })).Totals
            .Select(t => (t.Key, ProtoConvert.ToDecimal(t.Amount), t.ApprovalCount))];

    [Fact]
    public async Task ReportFundingApprovals_ByObjectiveThemeAndUnit_TotalsTheAllocationsOfThePeriod()
    {
        await RecordAsync(2081, Allocation(100m, 1, AllocationTheme.SocialPartnersCapacity, "ACTEMP"), Allocation(60m, 1, unit: "ACTRAV"), Allocation(40m, 2));
        await RecordAsync(2081, Allocation(30m, 1, AllocationTheme.SocialPartnersCapacity));
        await RecordAsync(2082, Allocation(999m, 1));

        Assert.Equal([("1", 190m, 2), ("2", 40m, 1)], await Report(FundingApprovalGrouping.StrategicObjective, 2081));
        Assert.Equal([("ALLOCATION_THEME_SOCIAL_PARTNERS_CAPACITY", 130m, 2), ("ALLOCATION_THEME_UNSPECIFIED", 100m, 1)],
            await Report(FundingApprovalGrouping.Theme, 2081));
        Assert.Equal([("ACTEMP", 100m, 1), ("", 70m, 2), ("ACTRAV", 60m, 1)], await Report(FundingApprovalGrouping.ImplementingUnit, 2081));
        var labels = (await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = FundingApprovalGrouping.ImplementingUnit, StartYear = 2081, EndYear = 2081,
        })).Totals.ToDictionary(t => t.Key, t => t.Label);
        Assert.Equal("Bureau for Employers' Activities", labels["ACTEMP"]);
    }

    [Fact]
    public async Task ReportFundingApprovals_ByObjective_FollowsAnAmendmentAndACancellation()
    {
        var moved = await RecordAsync(2083, Allocation(100m, 1));
        var dropped = await RecordAsync(2083, Allocation(50m, 1));

        var request = new AmendFundingApprovalRequest { Id = moved.Id, Amount = ProtoConvert.ToMoney(80m), Reason = "Reallocated to employment" };
        request.Allocations.Add(Allocation(80m, 2));
        await _client.AmendFundingApprovalAsync(request);
        await _client.CancelFundingApprovalAsync(new CancelFundingApprovalRequest { Id = dropped.Id, Reason = "Never signed" });

        Assert.Equal([("2", 80m, 1)], await Report(FundingApprovalGrouping.StrategicObjective, 2083));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenAnAllocationNamesAnOutcomeButNoObjective_TakesTheOutcomes()
    {
        var outcome = PartnershipsFixture.Outcome("ZMB 901");
        var programme = await fixture.ApprovedProgrammeAsync("ZMB", outcome);
        var request = new RecordFundingApprovalRequest { PartnerId = (await _client.RegisterPartnerAsync(Requests.Partner())).Id, Year = 2084, ProgrammeId = programme, Amount = ProtoConvert.ToMoney(10m) };
        request.Allocations.Add(new FundingAllocation { OutcomeId = outcome.OutcomeId.ToString(), Amount = ProtoConvert.ToMoney(10m) });
        request.RequestId = $"objective-{Guid.NewGuid():N}";

        var recorded = await _client.RecordFundingApprovalAsync(request);
        var repeated = await _client.RecordFundingApprovalAsync(request.Clone());

        Assert.Equal(outcome.StrategicObjective, Assert.Single(recorded.Allocations).StrategicObjective);
        Assert.Equal([(outcome.StrategicObjective.ToString(System.Globalization.CultureInfo.InvariantCulture), 10m, 1)],
            await Report(FundingApprovalGrouping.StrategicObjective, 2084));
        // The objective taken from the outcome is not the caller's content: the same request still repeats.
        Assert.Equal(recorded.Id, repeated.Id);
    }

    [Fact]
    public async Task ReportFundingGrowth_ByPartnerCategory_ComparesTheYearWithTheOneBefore()
    {
        foreach (var (year, amount) in new[] { (2086, 1_000_000m), (2087, 1_130_000m) })
        {
            var fund = await _client.RegisterPartnerAsync(Requests.Partner("UN fund", PartnerCategory.UnSystem));
            await _client.RecordFundingApprovalAsync(new RecordFundingApprovalRequest
            {
                PartnerId = fund.Id, Year = year, Amount = ProtoConvert.ToMoney(amount), Allocations = { Allocation(amount) },
            });
        }
        await RecordAsync(2087, Allocation(500_000m));

        var growth = await _client.ReportFundingGrowthAsync(new ReportFundingGrowthRequest { Year = 2087, GroupBy = FundingApprovalGrouping.PartnerCategory });

        var un = growth.Rows.Single(r => r.Key == "PARTNER_CATEGORY_UN_SYSTEM");
        Assert.Equal((1_130_000m, 1_000_000m, "13.00"), (ProtoConvert.ToDecimal(un.Amount), ProtoConvert.ToDecimal(un.PreviousAmount), un.ChangePercent));
        var bilateral = growth.Rows.Single(r => r.Key == "PARTNER_CATEGORY_BILATERAL_GOVERNMENT");
        Assert.Equal((500_000m, 0m, ""), (ProtoConvert.ToDecimal(bilateral.Amount), ProtoConvert.ToDecimal(bilateral.PreviousAmount), bilateral.ChangePercent));
        Assert.Equal((1_630_000m, 1_000_000m, "63.00"), (ProtoConvert.ToDecimal(growth.TotalAmount), ProtoConvert.ToDecimal(growth.PreviousTotalAmount), growth.TotalChangePercent));
    }

    [Fact]
    public async Task ReportFundingGrowth_WhenTheYearOrGroupingIsMissing_NamesTheFields()
    {
        await RpcAssert.InvalidFields(() => _client.ReportFundingGrowthAsync(new ReportFundingGrowthRequest()).ResponseAsync, "year", "group_by");
        await RpcAssert.InvalidFields(() => _client.ReportFundingGrowthAsync(new ReportFundingGrowthRequest
        {
            Year = 1990, GroupBy = FundingApprovalGrouping.Year, Source = (FundingSource)42,
        }).ResponseAsync, "year", "source");
    }
}
