using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DecentWork.Training.Tests;

/// <summary>The JSON transcoding routes, served on the gRPC port over HTTP/2 as the gateway calls them.</summary>
public class JsonRouteTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    [Fact]
    public async Task JsonRoutes_PublishLinkAndGet()
    {
        var http = fixture.Service.JsonClient();
        var code = TrainingFixture.NewCode("json");
        var programme = await fixture.KnownProgrammeAsync("MOZ");

        var published = await http.PostAsJsonAsync("/v1/courses", new { code = code.ToLowerInvariant(), title = "Green jobs" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var course = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, course.GetProperty("code").GetString());
        var id = course.GetProperty("id").GetString();

        var linked = await http.PostAsJsonAsync($"/v1/courses/{id}:linkProgramme", new { programmeId = programme });
        Assert.True(HttpStatusCode.OK == linked.StatusCode, await linked.Content.ReadAsStringAsync());
        var body = await linked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(programme.ToString(), Assert.Single(body.GetProperty("linkedProgrammeIds").EnumerateArray()).GetString());
        Assert.Equal("2", body.GetProperty("version").GetString()); // int64: a string in the proto3 JSON mapping

        var fetched = await http.GetFromJsonAsync<JsonElement>($"/v1/courses/{id}");
        Assert.Equal("Green jobs", fetched.GetProperty("title").GetString());

        var duplicate = await http.PostAsJsonAsync("/v1/courses", new { code, title = "Again" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var unknown = await http.PostAsJsonAsync($"/v1/courses/{id}:linkProgramme", new { programmeId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var missing = await http.GetAsync($"/v1/courses/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
