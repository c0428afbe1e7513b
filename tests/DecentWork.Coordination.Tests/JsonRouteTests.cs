using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Coordination.Tests;

/// <summary>The JSON transcoding routes, served on the gRPC port over HTTP/2 as the gateway calls them.</summary>
public class JsonRouteTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly HttpClient _http = fixture.Service.JsonClient();

    [Fact]
    public async Task JsonRoutes_RegisterUndafAndListCountryCoverage()
    {
        var programme = CountryCoverageTests.Programme("MOZ");
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(programme);

        var created = await _http.PostAsJsonAsync("/v1/undafs", new { countryCode = "moz", cycleStartYear = 2007, cycleEndYear = 2011 });
        Assert.True(HttpStatusCode.OK == created.StatusCode, await created.Content.ReadAsStringAsync());
        var undaf = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("MOZ", undaf.GetProperty("countryCode").GetString());
        var undafId = undaf.GetProperty("id").GetString();

        var coverage = await Eventually.Until(
            () => _http.GetFromJsonAsync<JsonElement>("/v1/country-coverage"),
            c => c.TryGetProperty("countries", out var countries) && countries.GetArrayLength() > 0, what: "Mozambique to be covered");
        var mozambique = Assert.Single(coverage.GetProperty("countries").EnumerateArray());
        Assert.Equal("MOZ", mozambique.GetProperty("countryCode").GetString());
        Assert.Equal([undafId], mozambique.GetProperty("undafIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([programme.ProgrammeId.ToString()], mozambique.GetProperty("programmeIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, coverage.GetProperty("totalSize").GetInt32());

        var duplicate = await _http.PostAsJsonAsync("/v1/undafs", new { countryCode = "MOZ", cycleStartYear = 2007, cycleEndYear = 2011 });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var inverted = await _http.PostAsJsonAsync("/v1/undafs", new { countryCode = "MOZ", cycleStartYear = 2011, cycleEndYear = 2007 });
        Assert.True(HttpStatusCode.BadRequest == inverted.StatusCode, await inverted.Content.ReadAsStringAsync());
        var missing = await _http.GetAsync($"/v1/undafs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
