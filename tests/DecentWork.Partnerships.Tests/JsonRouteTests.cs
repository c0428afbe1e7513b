using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DecentWork.Partnerships.Tests;

/// <summary>The JSON transcoding routes, served on the gRPC port over HTTP/2 as the gateway calls them.</summary>
public class JsonRouteTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly HttpClient _http = fixture.Service.JsonClient();

    [Fact]
    public async Task JsonRoutes_RegisterPartnerRecordApprovalAndListByPartner()
    {
        var name = $"Government of Belgium {Guid.NewGuid():N}";
        var created = await _http.PostAsJsonAsync("/v1/partners", new { name, category = "PARTNER_CATEGORY_BILATERAL_GOVERNMENT" });
        Assert.True(HttpStatusCode.OK == created.StatusCode, await created.Content.ReadAsStringAsync());
        var partnerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var duplicate = await _http.PostAsJsonAsync("/v1/partners", new { name = name.ToLowerInvariant(), category = "PARTNER_CATEGORY_FOUNDATION" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var programmeId = await fixture.KnownProgrammeAsync();
        var approved = await _http.PostAsJsonAsync("/v1/funding-approvals", new
        {
            partnerId,
            programmeId,
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

        var negative = await _http.PostAsJsonAsync("/v1/funding-approvals", new { partnerId, programmeId, amount = new { currencyCode = "USD", units = "-1" }, year = 2009 });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var missing = await _http.GetAsync($"/v1/partners/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task JsonRoutes_RecordAnApprovalWithAllocationsAndReadTheReports()
    {
        var created = await _http.PostAsJsonAsync("/v1/partners", new { name = $"European Union {Guid.NewGuid():N}", category = "PARTNER_CATEGORY_EUROPEAN_UNION", countryCode = "" });
        var partnerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var approved = await _http.PostAsJsonAsync("/v1/funding-approvals", new
        {
            partnerId,
            amount = new { currencyCode = "USD", units = "65800000" },
            approvalDate = new { year = 1993, month = 6, day = 30 },
            source = "FUNDING_SOURCE_EXTRA_BUDGETARY",
            mobilisedBy = "MOBILISED_BY_FIELD_OFFICE",
            allocations = new object[]
            {
                new { countryCode = "ZMB", strategicObjective = 2, amount = new { currencyCode = "USD", units = "15800000" } },
                new { region = "ILO_REGION_AFRICA", amount = new { currencyCode = "USD", units = "50000000" } },
            },
        });
        Assert.True(HttpStatusCode.OK == approved.StatusCode, await approved.Content.ReadAsStringAsync());
        var approval = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ILO_REGION_AFRICA", approval.GetProperty("allocations")[0].GetProperty("region").GetString());

        var top = await _http.GetFromJsonAsync<JsonElement>("/v1/funding-approvals/reports:totals?groupBy=FUNDING_APPROVAL_GROUPING_PARTNER&startYear=1993&endYear=1993&limit=1");
        var row = Assert.Single(top.GetProperty("totals").EnumerateArray());
        Assert.Equal((partnerId, "100.00"), (row.GetProperty("key").GetString(), row.GetProperty("sharePercent").GetString()));
        var share = await _http.GetFromJsonAsync<JsonElement>("/v1/funding-approvals/reports:fieldOfficeShare?startYear=1993&endYear=1993");
        Assert.Equal("100.00", share.GetProperty("fieldOfficeSharePercent").GetString());
        var africa = await _http.GetFromJsonAsync<JsonElement>("/v1/funding-approvals/reports:africaShare?startYear=1993&endYear=1993");
        Assert.Equal("100.00", africa.GetProperty("years")[0].GetProperty("africaSharePercent").GetString());

        var unbalanced = await _http.PostAsJsonAsync("/v1/funding-approvals", new
        {
            partnerId, year = 1993, amount = new { currencyCode = "USD", units = "2" },
            allocations = new[] { new { countryCode = "ZMB", amount = new { currencyCode = "USD", units = "1" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unbalanced.StatusCode);
        var noGrouping = await _http.GetAsync("/v1/funding-approvals/reports:totals");
        Assert.Equal(HttpStatusCode.BadRequest, noGrouping.StatusCode);
    }

    [Fact]
    public async Task JsonRoutes_RegisterReviewListAndReportAgreementsUnderTheirPartner()
    {
        var created = await _http.PostAsJsonAsync("/v1/partners", new { name = $"Norway {Guid.NewGuid():N}", category = "PARTNER_CATEGORY_BILATERAL_GOVERNMENT", countryCode = "NOR" });
        var partnerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var registered = await _http.PostAsJsonAsync($"/v1/partners/{partnerId}/agreements", new
        {
            title = "Norway-ILO Framework Agreement 2008-2009",
            kind = "AGREEMENT_KIND_MULTI_YEAR_FRAMEWORK",
            startDate = new { year = 2008, month = 1, day = 1 },
            endDate = new { year = 2009, month = 12, day = 31 },
            pledgedAmount = new { currencyCode = "NOK", units = "120000000" },
            earmarking = "EARMARKING_SOFTLY_EARMARKED",
            thematicProvisions = new[] { "THEMATIC_PROVISION_GENDER_EQUALITY" },
        });
        Assert.True(HttpStatusCode.OK == registered.StatusCode, await registered.Content.ReadAsStringAsync());
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var finding = new { met = true, note = "" };
        var reviewed = await _http.PostAsJsonAsync($"/v1/partners/{partnerId}/agreements/{id}:reviewAlignment", new
        {
            strategicPriorities = finding, programmingCycles = finding, predictableFunding = finding, harmonisedReporting = finding,
            commonPrinciples = new { met = false, note = "separate reporting" },
            reviewer = "PARDEV", reviewDate = new { year = 2008, month = 9, day = 1 }, expectedVersion = "1",
        });
        Assert.True(HttpStatusCode.OK == reviewed.StatusCode, await reviewed.Content.ReadAsStringAsync());

        var listed = await _http.GetFromJsonAsync<JsonElement>($"/v1/partners/{partnerId}/agreements");
        Assert.Equal(id, Assert.Single(listed.GetProperty("agreements").EnumerateArray()).GetProperty("id").GetString());
        var report = await _http.GetFromJsonAsync<JsonElement>($"/v1/partners/{partnerId}/agreements:reportAlignment");
        Assert.Equal((1, 1, 0), (report.GetProperty("reviewedCount").GetInt32(), report.GetProperty("strategicPriorities").GetInt32(),
            report.TryGetProperty("commonPrinciples", out var principles) ? principles.GetInt32() : 0));
        var signed = await _http.PostAsJsonAsync($"/v1/partners/{partnerId}/agreements/{id}:sign", new { signedOn = new { year = 2008, month = 1, day = 15 } });
        Assert.True(HttpStatusCode.OK == signed.StatusCode, await signed.Content.ReadAsStringAsync());
        var stale = await _http.PostAsJsonAsync($"/v1/partners/{partnerId}/agreements/{id}:reviewAlignment", new { expectedVersion = "1" });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode); // the findings are missing
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/v1/partners/-/agreements/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task JsonRoutes_RepeatAnApprovalWithItsRequestIdAndFindItByTheRequestId()
    {
        var created = await _http.PostAsJsonAsync("/v1/partners", new { name = $"UNDP {Guid.NewGuid():N}", category = "PARTNER_CATEGORY_UN_SYSTEM" });
        var partnerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var requestId = $"undp:{Guid.NewGuid()}";
        var body = new { requestId, partnerId, programmeId = await fixture.KnownProgrammeAsync(), amount = new { currencyCode = "USD", units = "1500000" }, year = 2007 };

        var first = await _http.PostAsJsonAsync("/v1/funding-approvals", body);
        var repeat = await _http.PostAsJsonAsync("/v1/funding-approvals", body);
        var conflicting = await _http.PostAsJsonAsync("/v1/funding-approvals", body with { year = 2008 });
        var malformed = await _http.GetAsync("/v1/funding-approvals?requestId=no%20spaces");

        Assert.True(HttpStatusCode.OK == first.StatusCode, await first.Content.ReadAsStringAsync());
        var approval = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(requestId, approval.GetProperty("requestId").GetString());
        Assert.Equal(approval.GetProperty("id").GetString(), (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var listed = await _http.GetFromJsonAsync<JsonElement>($"/v1/funding-approvals?requestId={Uri.EscapeDataString(requestId)}");
        Assert.Equal(approval.GetProperty("id").GetString(), Assert.Single(listed.GetProperty("fundingApprovals").EnumerateArray()).GetProperty("id").GetString());
    }
}
