using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DecentWork.Partnerships.Tests;

/// <summary>The JSON transcoding routes, served on the gRPC port over HTTP/2 as the gateway calls them.</summary>
public class JsonRouteTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = fixture.Service.GrpcAddress,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    [Fact]
    public async Task JsonRoutes_RegisterPartnerRecordApprovalAndListByPartner()
    {
        var name = $"Government of Belgium {Guid.NewGuid():N}";
        var created = await _http.PostAsJsonAsync("/v1/partners", new { name, category = "PARTNER_CATEGORY_BILATERAL_GOVERNMENT" });
        Assert.True(HttpStatusCode.OK == created.StatusCode, await created.Content.ReadAsStringAsync());
        var partnerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var duplicate = await _http.PostAsJsonAsync("/v1/partners", new { name = name.ToLowerInvariant(), category = "PARTNER_CATEGORY_FOUNDATION" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var approved = await _http.PostAsJsonAsync("/v1/funding-approvals", new
        {
            partnerId,
            programmeId = Guid.NewGuid(),
            amount = new { currencyCode = "USD", units = "2400000", nanos = 500_000_000 },
            year = 2009,
        });
        Assert.True(HttpStatusCode.OK == approved.StatusCode, await approved.Content.ReadAsStringAsync());

        var listed = await _http.GetFromJsonAsync<JsonElement>($"/v1/funding-approvals?partnerId={partnerId}");
        var approval = Assert.Single(listed.GetProperty("fundingApprovals").EnumerateArray());
        // ToString, not GetString: units is an int64, which the transcoder may write as a number or a string.
        Assert.Equal("2400000", approval.GetProperty("amount").GetProperty("units").ToString());
        Assert.Equal(500_000_000, approval.GetProperty("amount").GetProperty("nanos").GetInt32());
        Assert.Equal(2009, approval.GetProperty("year").GetInt32());

        var negative = await _http.PostAsJsonAsync("/v1/funding-approvals", new { partnerId, programmeId = Guid.NewGuid(), amount = new { currencyCode = "USD", units = "-1" }, year = 2009 });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var missing = await _http.GetAsync($"/v1/partners/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
