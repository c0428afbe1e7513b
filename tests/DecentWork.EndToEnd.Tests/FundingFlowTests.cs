using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Issue 5 end to end: an agreement, an approval under it allocated to a DWCP outcome, the gap left in programming.</summary>
public class FundingFlowTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task ApprovalUnderAgreement_AllocatedToOutcome_ShrinksTheFundingGapInProgramming()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var programme = await ProgrammeSteps.ApproveAsync(Platform, programmes, "SEN", 2_000_000m);
        var outcome = programme.Priorities[0].Outcomes[0];
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = "Kingdom of the Netherlands",
            Category = PartnershipsV1.PartnerCategory.BilateralGovernment,
            CountryCode = "NLD",
        });
        var agreement = await partnerships.RegisterAgreementAsync(new PartnershipsV1.RegisterAgreementRequest
        {
            PartnerId = partner.Id,
            Title = "ILO-Netherlands Partnership Programme 2006-2009",
            Kind = PartnershipsV1.AgreementKind.MultiYearFramework,
            StartDate = ProtoConvert.ToDate(new DateOnly(2006, 1, 1)),
            EndDate = ProtoConvert.ToDate(new DateOnly(2009, 12, 31)),
            PledgedAmount = ProtoConvert.ToMoney(30_000_000m),
            Earmarking = PartnershipsV1.Earmarking.SoftlyEarmarked,
        });

        var approval = await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(new PartnershipsV1.RecordFundingApprovalRequest
        {
            PartnerId = partner.Id,
            AgreementId = agreement.Id,
            ProgrammeId = programme.Id,
            Amount = ProtoConvert.ToMoney(1_250_000.50m),
            Year = 2008,
            ApprovalDate = ProtoConvert.ToDate(new DateOnly(2008, 3, 3)),
            Source = PartnershipsV1.FundingSource.ExtraBudgetary,
            Earmarking = PartnershipsV1.Earmarking.SoftlyEarmarked,
            MobilisedBy = PartnershipsV1.MobilisedBy.FieldOffice,
            Allocations =
            {
                new PartnershipsV1.FundingAllocation
                {
                    Region = ProgrammingV1.IloRegion.Africa,
                    CountryCode = "SEN",
                    ProgrammeId = programme.Id,
                    OutcomeId = outcome.Id,
                    StrategicObjective = (int)ProgrammingV1.StrategicObjective.Employment,
                    Amount = ProtoConvert.ToMoney(1_250_000.50m),
                },
            },
        }).ResponseAsync, what: "partnerships to learn of the approved programme's outcomes");
        Assert.Equal(agreement.Id, approval.AgreementId);

        var funded = await Eventually.Until(
            () => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "programming to count the approval");
        var fundedOutcome = funded.Priorities[0].Outcomes[0];
        Assert.Equal(1_250_000.50m, ProtoConvert.ToDecimal(fundedOutcome.FundingMobilised));
        Assert.Equal(749_999.50m, ProtoConvert.ToDecimal(fundedOutcome.FundingGap));
        Assert.Equal(749_999.50m, ProtoConvert.ToDecimal(funded.FundingGap));
        var report = await programmes.ReportFundingGapsAsync(new ProgrammingV1.ReportFundingGapsRequest { Country = "SEN" });
        var row = Assert.Single(report.Programmes);
        Assert.Equal(749_999.50m, ProtoConvert.ToDecimal(row.FundingGap));

        // Partnerships tells the same story from its own view of the programme's needs.
        var gap = await Eventually.Until(
            () => partnerships.GetFundingGapAsync(new PartnershipsV1.GetFundingGapRequest { ProgrammeId = programme.Id }).ResponseAsync,
            g => g.ResourceNeed is not null && ProtoConvert.ToDecimal(g.ResourceNeed) > 0, what: "partnerships to learn the programme's resource needs");
        Assert.Equal(2_000_000m, ProtoConvert.ToDecimal(gap.ResourceNeed));
        Assert.Equal(749_999.50m, ProtoConvert.ToDecimal(gap.Gap));
    }
}
