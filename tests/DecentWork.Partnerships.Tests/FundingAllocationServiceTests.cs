using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Google.Type;
using Grpc.Core;
using ProgrammingApi = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Partnerships.Tests;

/// <summary>RecordFundingApproval with the richer, optional fields: allocations, source, earmarking, date, currency.</summary>
public class FundingAllocationServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);
    private string _partnerId = "";

    private static FundingAllocation Part(decimal amount, string country = "", ProgrammingApi.IloRegion region = 0, int objective = 0, string programme = "") =>
        new() { Amount = ProtoConvert.ToMoney(amount), CountryCode = country, Region = region, StrategicObjective = objective, ProgrammeId = programme };

    private async Task<RecordFundingApprovalRequest> Request(decimal amount, params FundingAllocation[] allocations)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("European Union", PartnerCategory.EuropeanUnion));
        _partnerId = partner.Id;
        var request = new RecordFundingApprovalRequest { PartnerId = partner.Id, Amount = ProtoConvert.ToMoney(amount), Year = 2007 };
        request.Allocations.AddRange(allocations);
        return request;
    }

    [Fact]
    public async Task RecordFundingApproval_WhenEveryFieldIsGiven_ReturnsThemAndDerivesRegionsFromCountries()
    {
        var programme = await fixture.KnownProgrammeAsync("ZMB");
        var request = await Request(1_000_000m,
            Part(600_000.50m, "zmb", objective: 2, programme: programme),
            Part(399_999.50m, region: ProgrammingApi.IloRegion.AsiaPacific));
        request.Year = 0; // taken from the date
        request.ApprovalDate = new Date { Year = 2007, Month = 3, Day = 15 };
        request.OriginalAmount = new Money { CurrencyCode = "EUR", Units = 730_000 };
        request.Source = FundingSource.ExtraBudgetary;
        request.Earmarking = Earmarking.SoftlyEarmarked;
        request.MobilisedBy = MobilisedBy.FieldOffice;
        request.AgreementId = (await _client.RegisterAgreementAsync(Requests.Agreement(_partnerId))).Id;

        var approval = await _client.RecordFundingApprovalAsync(request);

        Assert.Equal(2007, approval.Year);
        Assert.Equal("", approval.ProgrammeId); // two allocations, only one names a programme
        Assert.Equal(request.ApprovalDate, approval.ApprovalDate);
        Assert.Equal(request.OriginalAmount, approval.OriginalAmount);
        Assert.Equal((FundingSource.ExtraBudgetary, Earmarking.SoftlyEarmarked, MobilisedBy.FieldOffice, request.AgreementId),
            (approval.Source, approval.Earmarking, approval.MobilisedBy, approval.AgreementId));
        Assert.Equal([("ZMB", ProgrammingApi.IloRegion.Africa, 2, programme, 600_000.50m), ("", ProgrammingApi.IloRegion.AsiaPacific, 0, "", 399_999.50m)],
            approval.Allocations.Select(a => (a.CountryCode, a.Region, a.StrategicObjective, a.ProgrammeId, ProtoConvert.ToDecimal(a.Amount))));
        Assert.Equal(approval, await _client.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = approval.Id }));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenOnlyTheMinimumIsGiven_IsOneAllocationToTheProgrammeWithDefaults()
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var programme = await fixture.KnownProgrammeAsync();

        var approval = await _client.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programme, 5m));

        Assert.Equal((FundingSource.ExtraBudgetary, Earmarking.Earmarked, MobilisedBy.Unspecified), (approval.Source, approval.Earmarking, approval.MobilisedBy));
        Assert.Equal(ProtoConvert.ToMoney(5m), approval.OriginalAmount);
        var only = Assert.Single(approval.Allocations);
        Assert.Equal((programme, 5m), (only.ProgrammeId, ProtoConvert.ToDecimal(only.Amount)));
    }

    [Theory]
    [InlineData("1000000.01")]
    [InlineData("999999.99")]
    public async Task RecordFundingApproval_WhenAllocationsDoNotAddUp_IsInvalidAllocations(string amount)
    {
        var request = await Request(decimal.Parse(amount), Part(600_000m, "ZMB"), Part(400_000m, "KEN"));
        var error = await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync, "allocations");
        Assert.Contains("1000000", error.FieldViolations[0].Description);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenAllocationFieldsAreWrong_NamesEachByIndex()
    {
        var bad = Part(1m, "ZMB", ProgrammingApi.IloRegion.Americas, objective: 5, programme: "p");
        bad.OutcomeId = "o";
        var request = await Request(2m, Part(-1m, "XXX"), bad, new FundingAllocation());

        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync,
            "allocations[0].amount", "allocations[0].country_code", "allocations[1].region", "allocations[1].strategic_objective",
            "allocations[1].programme_id", "allocations[1].outcome_id", "allocations[2].amount");
    }

    [Fact]
    public async Task RecordFundingApproval_WhenOptionalFieldsAreWrong_ListsEach()
    {
        var request = await Request(3m, Part(3m, "ZMB"));
        request.ApprovalDate = new Date { Year = 2007, Month = 2, Day = 30 };
        request.OriginalAmount = new Money { CurrencyCode = "euro", Units = -1 };
        request.Source = (FundingSource)9;
        request.Earmarking = (Earmarking)9;
        request.MobilisedBy = (MobilisedBy)9;
        request.AgreementId = "not-a-uuid";

        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync,
            "approval_date", "original_amount", "original_amount.currency_code", "source", "earmarking", "mobilised_by", "agreement_id");
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheDateIsInAnotherYear_IsInvalidDate()
    {
        var request = await Request(3m, Part(3m));
        request.ApprovalDate = new Date { Year = 2008, Month = 1, Day = 2 };
        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync, "approval_date");
    }

    [Fact]
    public async Task RecordFundingApproval_WhenRbsaMoneyIsEarmarked_IsInvalidEarmarking()
    {
        var request = await Request(22_000_000m, Part(22_000_000m, region: ProgrammingApi.IloRegion.Africa));
        request.Source = FundingSource.Rbsa;
        request.Earmarking = Earmarking.Earmarked;
        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync, "earmarking");

        request.Earmarking = Earmarking.Unspecified;
        Assert.Equal(Earmarking.Unearmarked, (await _client.RecordFundingApprovalAsync(request)).Earmarking);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenTheAgreementIsUnknownOrAnotherPartners_FailsThePrecondition()
    {
        var request = await Request(3m, Part(3m));
        request.AgreementId = Guid.NewGuid().ToString();
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordFundingApprovalAsync(request).ResponseAsync);

        var other = await _client.RegisterPartnerAsync(Requests.Partner());
        request.AgreementId = (await _client.RegisterAgreementAsync(Requests.Agreement(other.Id))).Id;
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordFundingApprovalAsync(request).ResponseAsync);
        Assert.Contains("another partner", error.Status.Detail);
    }

    [Fact]
    public async Task RecordFundingApproval_WhenAnAllocationNamesAnotherProgrammeThanTheApproval_IsInvalid()
    {
        var programme = Guid.NewGuid().ToString();
        var request = await Request(3m, Part(1m, programme: programme), Part(2m, programme: Guid.NewGuid().ToString()));
        request.ProgrammeId = programme;
        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync, "allocations[1].programme_id");
    }

    [Fact]
    public async Task RecordFundingApproval_WhenAllocationsDoNotAddUpAndOtherFieldsAreWrong_ListsThemTogether()
    {
        var request = await Request(5m, Part(1m, "ZMB"));
        request.AgreementId = "nope";
        request.Source = (FundingSource)9;
        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync, "allocations", "agreement_id", "source");
    }
}
