using System.Net;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

public class PartnerServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task RegisterPartner_WhenValid_ReturnsTheTrimmedPartnerThatGetReturns()
    {
        var request = Requests.Partner("Ford Foundation", PartnerCategory.Foundation);
        var name = request.Name;
        request.Name = $"  {name} ";

        var partner = await _client.RegisterPartnerAsync(request);

        Assert.Equal(name, partner.Name);
        Assert.Equal(PartnerCategory.Foundation, partner.Category);
        Assert.Equal(1, partner.Version);
        Assert.Equal(partner, await _client.GetPartnerAsync(new GetPartnerRequest { Id = partner.Id }));
    }

    [Fact]
    public async Task RegisterPartner_WhenIatiTypeAndCountryAreGiven_ReturnsThemAndOtherwiseDerivesTheType()
    {
        var request = Requests.Partner("Agência Brasileira de Cooperação", PartnerCategory.BilateralGovernment);
        request.IatiOrganisationType = IatiOrganisationType.OtherPublicSector;
        request.CountryCode = "bra";

        var given = await _client.RegisterPartnerAsync(request);
        var derived = await _client.RegisterPartnerAsync(Requests.Partner("Gates Foundation", PartnerCategory.Foundation));

        Assert.Equal((IatiOrganisationType.OtherPublicSector, "BRA"), (given.IatiOrganisationType, given.CountryCode));
        Assert.Equal(given, await _client.GetPartnerAsync(new GetPartnerRequest { Id = given.Id }));
        Assert.Equal((IatiOrganisationType.Foundation, ""), (derived.IatiOrganisationType, derived.CountryCode));
    }

    [Fact]
    public async Task RegisterPartner_WhenIatiTypeAndCountryAreUnknown_ListsBoth()
    {
        var request = Requests.Partner();
        request.IatiOrganisationType = (IatiOrganisationType)12;
        request.CountryCode = "XXX";
        await RpcAssert.InvalidFields(() => _client.RegisterPartnerAsync(request).ResponseAsync, "iati_organisation_type", "country_code");
    }

    [Fact]
    public async Task RegisterPartner_WhenTheNameDiffersOnlyInCase_AlreadyExists()
    {
        var first = await _client.RegisterPartnerAsync(Requests.Partner("European Union", PartnerCategory.EuropeanUnion));
        var again = new RegisterPartnerRequest { Name = $" {first.Name.ToUpperInvariant()}", Category = PartnerCategory.Foundation };

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.RegisterPartnerAsync(again).ResponseAsync);

        Assert.Contains(first.Name.ToUpperInvariant(), error.Status.Detail);
    }

    [Fact]
    public async Task RegisterPartner_WhenNameAndCategoryAreMissing_ListsBoth() =>
        await RpcAssert.InvalidFields(() => _client.RegisterPartnerAsync(new RegisterPartnerRequest { Name = "  " }).ResponseAsync,
            "name", "category");

    [Fact]
    public async Task RegisterPartner_WhenNameIsTooLongAndCategoryUnknown_ListsBoth() =>
        await RpcAssert.InvalidFields(
            () => _client.RegisterPartnerAsync(new RegisterPartnerRequest { Name = new string('x', 201), Category = (PartnerCategory)42 }).ResponseAsync,
            "name", "category");

    [Fact]
    public async Task GetPartner_WhenUnknownOrNotAUuid_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetPartnerAsync(new GetPartnerRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetPartnerAsync(new GetPartnerRequest { Id = "not-a-uuid" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task ListPartners_FiltersByCategoryOrdersByNameIgnoringCaseAndPages()
    {
        // South-South partners are registered by no other test in this class, so counts are exact.
        foreach (var name in new[] { "zambia fund", "Brazil ABC", "china cooperation", "India IDEAS", "Mexico AMEXCID" })
            await _client.RegisterPartnerAsync(new RegisterPartnerRequest { Name = name, Category = PartnerCategory.SouthSouth });
        await _client.RegisterPartnerAsync(Requests.Partner("UNDP", PartnerCategory.UnSystem));

        var first = await _client.ListPartnersAsync(new ListPartnersRequest { Category = PartnerCategory.SouthSouth, PageSize = 2 });
        var second = await _client.ListPartnersAsync(new ListPartnersRequest { Category = PartnerCategory.SouthSouth, PageSize = 2, PageToken = first.NextPageToken });
        var third = await _client.ListPartnersAsync(new ListPartnersRequest { Category = PartnerCategory.SouthSouth, PageSize = 2, PageToken = second.NextPageToken });

        Assert.Equal(5, first.TotalSize);
        Assert.Equal("", third.NextPageToken);
        Assert.Equal(["Brazil ABC", "china cooperation", "India IDEAS", "Mexico AMEXCID", "zambia fund"],
            first.Partners.Concat(second.Partners).Concat(third.Partners).Select(p => p.Name));
        var all = await _client.ListPartnersAsync(new ListPartnersRequest { PageSize = 200 });
        Assert.Contains(all.Partners, p => p.Category == PartnerCategory.UnSystem);
        Assert.True(all.TotalSize >= 6);
    }

    [Fact]
    public async Task ListPartners_WhenTokenSizeOrCategoryIsBad_IsInvalid() =>
        await RpcAssert.InvalidFields(
            () => _client.ListPartnersAsync(new ListPartnersRequest { PageSize = -1, PageToken = "garbage", Category = (PartnerCategory)99 }).ResponseAsync,
            "page_size", "page_token", "category");

    [Fact]
    public async Task Health_ReportsStorageAndBroker()
    {
        var response = await fixture.Service.Http.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"storage\"", body);
        Assert.Contains("masstransit", body, StringComparison.OrdinalIgnoreCase);
    }
}
