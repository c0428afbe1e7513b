using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

/// <summary>ReportFundingApprovals grouped by DWCP outcome, for a period and a source. The tests have years of their own (2077-2078).</summary>
public class OutcomeReportServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task<FundingApproval> RecordAsync(int year, string programmeId, FundingSource source, params (ProgrammeOutcome? Outcome, decimal Amount)[] parts)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var request = new RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, Year = year, ProgrammeId = programmeId, Source = source, Amount = ProtoConvert.ToMoney(parts.Sum(p => p.Amount)),
        };
        request.Allocations.AddRange(parts.Select(p => new FundingAllocation { OutcomeId = p.Outcome?.OutcomeId.ToString() ?? "", Amount = ProtoConvert.ToMoney(p.Amount) }));
        return await _client.RecordFundingApprovalAsync(request);
    }

    private async Task<List<(string Key, string Label, decimal Amount, int Count)>> Report(int year, FundingSource source = FundingSource.Unspecified) =>
        [.. (await _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = FundingApprovalGrouping.Outcome, StartYear = year, EndYear = year, Source = source,
        })).Totals.Select(t => (t.Key, t.Label, ProtoConvert.ToDecimal(t.Amount), t.ApprovalCount))];

    [Fact]
    public async Task ReportFundingApprovals_ByOutcome_TotalsEachOutcomeForThePeriodAndSource()
    {
        var (jobs, rights) = (PartnershipsFixture.Outcome("ZMB 771"), PartnershipsFixture.Outcome("ZMB 772"));
        var programme = await fixture.ApprovedProgrammeAsync("ZMB", jobs, rights);
        await RecordAsync(2077, programme, FundingSource.ExtraBudgetary, (jobs, 300m), (rights, 100m), (null, 50m));
        await RecordAsync(2077, programme, FundingSource.Rbsa, (jobs, 200m));
        await RecordAsync(2078, programme, FundingSource.ExtraBudgetary, (rights, 999m));

        Assert.Equal([(jobs.OutcomeId.ToString(), "ZMB: ZMB 771", 500m, 2), (rights.OutcomeId.ToString(), "ZMB: ZMB 772", 100m, 1), ("", "Not allocated to a DWCP outcome", 50m, 1)],
            await Report(2077));
        Assert.Equal([(jobs.OutcomeId.ToString(), "ZMB: ZMB 771", 200m, 1)], await Report(2077, FundingSource.Rbsa));
    }

    [Fact]
    public async Task ReportFundingApprovals_ByOutcome_FollowsAnAmendmentAndACancellation()
    {
        var (jobs, rights) = (PartnershipsFixture.Outcome("BEN 781"), PartnershipsFixture.Outcome("BEN 782"));
        var programme = await fixture.ApprovedProgrammeAsync("BEN", jobs, rights);
        var moved = await RecordAsync(2078, programme, FundingSource.ExtraBudgetary, (jobs, 100m));
        var dropped = await RecordAsync(2078, programme, FundingSource.ExtraBudgetary, (jobs, 40m));

        var amend = new AmendFundingApprovalRequest { Id = moved.Id, Amount = ProtoConvert.ToMoney(120m), Reason = "Moved to rights" };
        amend.Allocations.Add(new FundingAllocation { OutcomeId = rights.OutcomeId.ToString(), Amount = ProtoConvert.ToMoney(120m) });
        await _client.AmendFundingApprovalAsync(amend);
        await _client.CancelFundingApprovalAsync(new CancelFundingApprovalRequest { Id = dropped.Id, Reason = "Never signed" });

        var rows = (await Report(2078)).Where(r => r.Key == jobs.OutcomeId.ToString() || r.Key == rights.OutcomeId.ToString()).ToList();
        Assert.Equal([(rights.OutcomeId.ToString(), "BEN: BEN 782", 120m, 1)], rows);
    }

    [Fact]
    public async Task ReportFundingApprovals_ByOutcomeWithACountryGroup_NamesTheField()
    {
        await RpcAssert.InvalidFields(() => _client.ReportFundingApprovalsAsync(new ReportFundingApprovalsRequest
        {
            GroupBy = FundingApprovalGrouping.Outcome, CountryGroup = CountryGroup.LeastDeveloped,
        }).ResponseAsync, "country_group");
    }
}
