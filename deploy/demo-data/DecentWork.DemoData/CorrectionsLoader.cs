using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using Partnerships = DecentWork.Contracts.Partnerships.V1;
using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// Corrections of the demo approvals, shaped so the allocation reports give the paper's 2007
/// figures while every figure PartnershipsLoader reproduces stays as it was (US$467 million in
/// 2006-07, the EU first, the field-office and Africa shares): US$117.6 million allocated to
/// outcomes under standards and fundamental principles and rights at work (strategic objective 1),
/// US$9.7 million to strengthening the capacity of the social partners, US$7.6 million to the
/// Bureaux for Employers' and Workers' Activities (US$5.8 million in 2006: +31 per cent), and UN-
/// system funds up 13 per cent on 2006. The UN-system money is carved out of two headquarters
/// approvals in the same countries by amendment, so no total, region or mobiliser share moves; one
/// duplicate approval is recorded and cancelled, counting nowhere. How the figures split across
/// approvals is illustrative. Safe to run again: an approval already corrected is left alone.
/// </summary>
public sealed class CorrectionsLoader(Partnerships.PartnershipsService.PartnershipsServiceClient partnerships)
{
    public const string UnFund = "UN Development Programme";
    private const string Reason = "Demo data: allocations recorded by objective, theme and implementing unit";

    private sealed record Part(decimal AmountUsd, int Objective = 0, Partnerships.AllocationTheme Theme = Partnerships.AllocationTheme.Unspecified, string Unit = "");

    /// <summary>PartnershipsLoader's request id of an approval, the new amount and its allocations (all in the approval's country).</summary>
    private static readonly (string RequestId, string Country, decimal AmountUsd, Part[] Parts)[] Amendments =
    [
        // US$10 million of the Netherlands' 2006 money and US$11.3 million of the United States' 2007
        // money came through the UN system's fund (recorded below under it).
        ("demo:2006:KingdomoftheNetherlands:1", "IDN", 30_000_000m, [new(30_000_000m)]),
        ("demo:2007:UnitedStates:1", "JOR", 18_700_000m, [new(12_600_000m, Objective: 1), new(6_100_000m)]),
        ("demo:2007:KingdomoftheNetherlands:1", "GHA", 38_000_000m, [new(38_000_000m, Objective: 1)]),
        ("demo:2007:Norway:1", "MWI", 25_000_000m, [new(25_000_000m, Objective: 1)]),
        ("demo:2007:Spain:1", "BOL", 24_000_000m, [new(24_000_000m, Objective: 1)]),
        ("demo:2007:Germany:1", "IND", 18_000_000m, [new(18_000_000m, Objective: 1)]),
        ("demo:2007:Denmark:1", "UGA", 15_000_000m, [new(9_700_000m, Theme: Partnerships.AllocationTheme.SocialPartnersCapacity), new(5_300_000m)]),
        ("demo:2007:Sweden:1", "ZMB", 12_000_000m, [new(4_000_000m, Unit: "ACTEMP"), new(3_600_000m, Unit: "ACTRAV"), new(4_400_000m)]),
        ("demo:2006:Sweden:1", "KEN", 10_000_000m, [new(3_000_000m, Unit: "ACTEMP"), new(2_800_000m, Unit: "ACTRAV"), new(4_200_000m)]),
    ];

    /// <summary>The UN system's money: US$10 million in 2006, US$11.3 million in 2007 (+13 per cent), at headquarters like the approvals it came out of.</summary>
    private static readonly (int Year, string Country, decimal AmountUsd)[] UnSystem = [(2006, "IDN", 10_000_000m), (2007, "JOR", 11_300_000m)];

    public async Task LoadAsync(IReadOnlyDictionary<string, string> partners)
    {
        foreach (var (requestId, country, amount, parts) in Amendments)
            await AmendOnceAsync(requestId, country, amount, parts);
        var fund = await UnFundAsync();
        foreach (var (year, country, amount) in UnSystem)
            await partnerships.RecordFundingApprovalAsync(Approval($"demo:corrections:{year}:unsystem", fund, year, country, amount));
        // Japan's 2007 approval recorded a second time by mistake, then cancelled.
        var duplicate = await partnerships.RecordFundingApprovalAsync(Approval("demo:corrections:2007:Japan:duplicate", partners["Japan"], 2007, "PHL", 6_000_000m));
        if (duplicate.Status != Partnerships.FundingApprovalStatus.Cancelled)
            await partnerships.CancelFundingApprovalAsync(new Partnerships.CancelFundingApprovalRequest { Id = duplicate.Id, Reason = "Recorded twice" });
    }

    private async Task AmendOnceAsync(string requestId, string country, decimal amount, Part[] parts)
    {
        var approval = (await partnerships.ListFundingApprovalsAsync(new Partnerships.ListFundingApprovalsRequest { RequestId = requestId })).FundingApprovals.Single();
        if (approval.Revision > 1) return;
        var request = new Partnerships.AmendFundingApprovalRequest { Id = approval.Id, Amount = ProtoConvert.ToMoney(amount), Reason = Reason };
        request.Allocations.AddRange(parts.Select(p => new Partnerships.FundingAllocation
        {
            Region = (Programming.IloRegion)(int)Countries.ByCode[country].Region,
            CountryCode = country,
            StrategicObjective = p.Objective,
            Theme = p.Theme,
            ImplementingUnit = p.Unit,
            Amount = ProtoConvert.ToMoney(p.AmountUsd),
        }));
        await partnerships.AmendFundingApprovalAsync(request);
    }

    private async Task<string> UnFundAsync()
    {
        var existing = await partnerships.ListPartnersAsync(new Partnerships.ListPartnersRequest { PageSize = 100, Category = Partnerships.PartnerCategory.UnSystem });
        return existing.Partners.FirstOrDefault(p => p.Name == UnFund)?.Id
            ?? (await partnerships.RegisterPartnerAsync(new Partnerships.RegisterPartnerRequest { Name = UnFund, Category = Partnerships.PartnerCategory.UnSystem })).Id;
    }

    private static Partnerships.RecordFundingApprovalRequest Approval(string requestId, string partnerId, int year, string country, decimal amount) => new()
    {
        RequestId = requestId,
        PartnerId = partnerId,
        Year = year,
        Amount = ProtoConvert.ToMoney(amount),
        ApprovalDate = ProtoConvert.ToDate(new DateOnly(year, 6, 1)),
        Earmarking = Partnerships.Earmarking.Earmarked,
        MobilisedBy = Partnerships.MobilisedBy.Headquarters,
        Allocations =
        {
            new Partnerships.FundingAllocation
            {
                Region = (Programming.IloRegion)(int)Countries.ByCode[country].Region, CountryCode = country, Amount = ProtoConvert.ToMoney(amount),
            },
        },
    };
}
