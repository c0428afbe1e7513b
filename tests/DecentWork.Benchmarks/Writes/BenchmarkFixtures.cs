using DecentWork.ServiceDefaults.Grpc;
using PartnershipsApi = DecentWork.Contracts.Partnerships.V1;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Benchmarks.Writes;

/// <summary>What the write benchmarks make before they measure: their own partner, a programme approvals may name.</summary>
internal static class BenchmarkFixtures
{
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];

    /// <summary>An active programme of the demo data (Tanzania's), which partnerships knows and approvals may fund.</summary>
    public static async Task<string> FundableProgrammeAsync(ProgrammingApi.ProgrammingService.ProgrammingServiceClient programming)
    {
        var active = await programming.ListProgrammesAsync(new ProgrammingApi.ListProgrammesRequest
        {
            Country = "TZA", Status = ProgrammingApi.ProgrammeStatus.Active, PageSize = 1,
        });
        return active.Programmes.Count > 0
            ? active.Programmes[0].Id
            : throw new InvalidOperationException("No active programme in Tanzania: start the platform with its demo data (deploy/scripts/run.sh).");
    }

    public static async Task<PartnershipsApi.Partner> NewPartnerAsync(PartnershipsApi.PartnershipsService.PartnershipsServiceClient partnerships, string purpose = "writes") =>
        await partnerships.RegisterPartnerAsync(new PartnershipsApi.RegisterPartnerRequest
        {
            Name = $"Benchmark {purpose} partner {Run}", Category = PartnershipsApi.PartnerCategory.BilateralGovernment, CountryCode = "NOR",
        });

    /// <summary>The n-th approval of this run: its own request id, so a retried call is recognised and never counted twice.</summary>
    public static PartnershipsApi.RecordFundingApprovalRequest Approval(string partnerId, string programmeId, long n, decimal amountUsd = 1_000m) => new()
    {
        RequestId = $"bench:{Run}:{n}",
        PartnerId = partnerId,
        ProgrammeId = programmeId,
        Amount = ProtoConvert.ToMoney(amountUsd),
        Year = 2026,
        Source = PartnershipsApi.FundingSource.ExtraBudgetary,
        Earmarking = PartnershipsApi.Earmarking.Earmarked,
        MobilisedBy = PartnershipsApi.MobilisedBy.Headquarters,
    };
}
