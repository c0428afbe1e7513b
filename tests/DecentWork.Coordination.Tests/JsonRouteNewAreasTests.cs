using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Coordination.Tests;

/// <summary>The JSON routes of UNDAF status, links, presence and the reports, over HTTP/2 as the gateway calls them.</summary>
public class JsonRouteNewAreasTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly HttpClient _http = fixture.Service.JsonClient();

    private async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task JsonRoutes_ChangeStatusLinkOutcomesAndCoherence()
    {
        var outcome = TestData.Outcome();
        var approved = TestData.Approved("ZMB", outcome);
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(approved);
        var undaf = await OkAsync(_http.PostAsJsonAsync("/v1/undafs", new
        {
            countryCode = "ZMB", cycleStartYear = 2007, cycleEndYear = 2010, decentWorkSpecificObjective = true,
            outcomes = new[] { new { code = "1", statement = "Employment" } },
        }));
        var id = undaf.GetProperty("id").GetString();
        Assert.Equal("UNDAF_STATUS_IN_PREPARATION", undaf.GetProperty("status").GetString());

        var active = await OkAsync(_http.PostAsJsonAsync($"/v1/undafs/{id}:changeStatus", new { status = "UNDAF_STATUS_ACTIVE", expectedVersion = "1" }));
        Assert.Equal("UNDAF_STATUS_ACTIVE", active.GetProperty("status").GetString());
        var back = await _http.PostAsJsonAsync($"/v1/undafs/{id}:changeStatus", new { status = "UNDAF_STATUS_ROLL_OUT" });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);

        var gaps = await OkAsync(_http.GetAsync("/v1/country-coverage/reports/decent-work-gaps"));
        Assert.Equal("ZMB", gaps.GetProperty("countries")[0].GetProperty("countryCode").GetString());

        var link = new { undafOutcomeCode = "1", programmeId = approved.ProgrammeId, programmeOutcomeId = outcome.OutcomeId };
        var linked = await Eventually.Until(() => _http.PostAsJsonAsync($"/v1/undafs/{id}:linkOutcomes", link), r => r.StatusCode == HttpStatusCode.OK, what: "the link");
        var links = (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcomeLinks");
        Assert.Equal(outcome.OutcomeId.ToString(), links[0].GetProperty("programmeOutcomeId").GetString());

        var coherence = await OkAsync(_http.GetAsync("/v1/country-coverage/reports/coherence?country=ZMB"));
        var zambia = coherence.GetProperty("countries")[0];
        Assert.Equal((1, true), (zambia.GetProperty("linkedOutcomeCount").GetInt32(), zambia.GetProperty("decentWorkSpecificObjective").GetBoolean()));
        var noGaps = await OkAsync(_http.GetAsync("/v1/country-coverage/reports/decent-work-gaps"));
        Assert.Equal(0, noGaps.GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task JsonRoutes_CountryProgrammesAndCoherenceWithCountsOnly()
    {
        var approved = TestData.Approved("MWI", TestData.Outcome());
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(approved);

        var programmes = await Eventually.Until(() => OkAsync(_http.GetAsync("/v1/country-coverage/MWI/programmes?pageSize=10")),
            p => p.GetProperty("totalSize").GetInt32() == 1, what: "Malawi's programme");
        Assert.Equal(approved.ProgrammeId.ToString(), programmes.GetProperty("programmes")[0].GetProperty("programmeId").GetString());
        var malawi = (await OkAsync(_http.GetAsync("/v1/country-coverage/reports/coherence?country=MWI&omitProgrammeIds=true"))).GetProperty("countries")[0];
        Assert.Equal((0, 1), (malawi.GetProperty("programmeIds").GetArrayLength(), malawi.GetProperty("programmeCount").GetInt32()));
    }

    [Fact]
    public async Task JsonRoutes_SetAndGetPresence()
    {
        var missing = await _http.GetAsync("/v1/country-coverage/LSO");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var set = await OkAsync(_http.PostAsJsonAsync("/v1/country-coverage/LSO:setPresence",
            new { presence = "AGENCY_PRESENCE_NON_RESIDENT", coveringOffice = "DWT/CO-Pretoria", residentCoordinator = "Jane Doe" }));
        Assert.Equal("DWT/CO-Pretoria", set.GetProperty("coveringOffice").GetString());

        var got = await OkAsync(_http.GetAsync("/v1/country-coverage/LSO"));
        Assert.Equal(("AGENCY_PRESENCE_NON_RESIDENT", "Jane Doe"), (got.GetProperty("presence").GetString(), got.GetProperty("residentCoordinator").GetString()));

        var invalid = await _http.PostAsJsonAsync("/v1/country-coverage/LSO:setPresence", new { presence = "AGENCY_PRESENCE_NON_RESIDENT" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var stale = await _http.PostAsJsonAsync("/v1/country-coverage/LSO:setPresence", new { presence = "AGENCY_PRESENCE_RESIDENT", expectedVersion = "7" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}
