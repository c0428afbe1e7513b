using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

public class FundingApprovalServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    private async Task<Partner> NewPartner() => await _client.RegisterPartnerAsync(Requests.Partner());

    [Fact]
    public async Task RecordFundingApproval_WhenValid_ReturnsTheApprovalThatGetReturns()
    {
        var partner = await NewPartner();
        var programmeId = await fixture.KnownProgrammeAsync();

        var approval = await _client.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programmeId, 65_800_000.10m, 2007));

        Assert.Equal(partner.Id, approval.PartnerId);
        Assert.Equal(programmeId, approval.ProgrammeId);
        Assert.Equal(65_800_000.10m, ProtoConvert.ToDecimal(approval.Amount));
        Assert.Equal("USD", approval.Amount.CurrencyCode);
        Assert.Equal(2007, approval.Year);
        Assert.Equal(approval, await _client.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = approval.Id }));
    }

    [Fact]
    public async Task RecordFundingApproval_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(
            () => _client.RecordFundingApprovalAsync(new RecordFundingApprovalRequest { PartnerId = "nope", Year = 1989 }).ResponseAsync,
            "partner_id", "programme_id", "amount", "year");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-5, 0)]
    [InlineData(0, -1)]
    [InlineData(1, -1)] // units and nanos of different signs: not well-formed
    public async Task RecordFundingApproval_WhenAmountIsNotPositiveOrMalformed_IsInvalidAmount(long units, int nanos)
    {
        var request = Requests.Approval((await NewPartner()).Id, await fixture.KnownProgrammeAsync());
        request.Amount = new Google.Type.Money { CurrencyCode = "USD", Units = units, Nanos = nanos };
        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync, "amount");
    }

    [Fact]
    public async Task RecordFundingApproval_WhenCurrencyIsNotUsd_IsInvalidCurrency()
    {
        var request = Requests.Approval((await NewPartner()).Id, await fixture.KnownProgrammeAsync());
        request.Amount.CurrencyCode = "EUR";
        await RpcAssert.InvalidFields(() => _client.RecordFundingApprovalAsync(request).ResponseAsync, "amount.currency_code");
    }

    [Fact]
    public async Task RecordFundingApproval_WhenPartnerIsNotRegistered_FailsThePreconditionAndStoresNothing()
    {
        var unknown = Guid.NewGuid().ToString();
        var programme = await fixture.KnownProgrammeAsync();

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.RecordFundingApprovalAsync(Requests.Approval(unknown, programme)).ResponseAsync);

        Assert.Contains(unknown, error.Status.Detail);
        var listed = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = unknown });
        Assert.Equal(0, listed.TotalSize);
    }

    [Fact]
    public async Task GetFundingApproval_WhenUnknownOrNotAUuid_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetFundingApprovalAsync(new GetFundingApprovalRequest { Id = "" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task ListFundingApprovals_ListsNewestYearFirstFiltersAndPages()
    {
        var partner = await NewPartner();
        var programme = await fixture.KnownProgrammeAsync();
        foreach (var year in new[] { 2005, 2012, 1998, 2008 })
            await _client.RecordFundingApprovalAsync(Requests.Approval(partner.Id, programme, year: year));
        await _client.RecordFundingApprovalAsync(Requests.Approval(partner.Id, await fixture.KnownProgrammeAsync(), year: 2008));
        await _client.RecordFundingApprovalAsync(Requests.Approval((await NewPartner()).Id, programme, year: 2008));

        var first = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = partner.Id, ProgrammeId = programme, PageSize = 3 });
        var second = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = partner.Id, ProgrammeId = programme, PageSize = 3, PageToken = first.NextPageToken });
        Assert.Equal(4, first.TotalSize);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal([2012, 2008, 2005, 1998], first.FundingApprovals.Concat(second.FundingApprovals).Select(a => a.Year));

        var byPartner = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = partner.Id });
        Assert.Equal(5, byPartner.TotalSize);
        var byProgramme = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { ProgrammeId = programme });
        Assert.Equal(5, byProgramme.TotalSize);
        var byYear = await _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = partner.Id, Year = 2008 });
        Assert.Equal(2, byYear.TotalSize);
        Assert.All(byYear.FundingApprovals, a => Assert.Equal(2008, a.Year));
    }

    [Fact]
    public async Task ListFundingApprovals_WhenFiltersAreBad_IsInvalid() =>
        await RpcAssert.InvalidFields(
            () => _client.ListFundingApprovalsAsync(new ListFundingApprovalsRequest { PartnerId = "x", ProgrammeId = "y", Year = 3000, PageSize = -2 }).ResponseAsync,
            "partner_id", "programme_id", "year", "page_size");
}
