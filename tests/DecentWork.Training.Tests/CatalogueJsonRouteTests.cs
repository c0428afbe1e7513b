using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DecentWork.Training.Tests;

/// <summary>The JSON routes of the catalogue, editions and enrolments, on the gRPC port over HTTP/2 as the gateway calls them.</summary>
public class CatalogueJsonRouteTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly HttpClient _http = fixture.Service.JsonClient();

    private async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task JsonRoutes_PublishSearchScheduleApplyAndAccept()
    {
        var code = TrainingFixture.NewCode("jsn");
        var course = await OkAsync(await _http.PostAsJsonAsync("/v1/courses", new
        {
            code, title = "Gender audits", themes = new[] { "COURSE_THEME_GENDER_EQUALITY" }, languages = new[] { "en" }, durationDays = 3,
            deliveryModes = new[] { "DELIVERY_MODE_DISTANCE" }, targetGroups = new[] { "CONSTITUENT_GROUP_WORKERS" },
        }));
        var courseId = course.GetProperty("id").GetString();

        var found = await OkAsync(await _http.GetAsync($"/v1/courses?text={code.ToLowerInvariant()}&theme=COURSE_THEME_GENDER_EQUALITY&targetGroup=CONSTITUENT_GROUP_WORKERS"));
        Assert.Equal(courseId, found.GetProperty("courses")[0].GetProperty("id").GetString());

        var edition = await OkAsync(await _http.PostAsJsonAsync($"/v1/courses/{courseId}/editions", new
        {
            startDate = new { year = 2031, month = 3, day = 2 }, endDate = new { year = 2031, month = 3, day = 4 }, venue = "Online",
            deliveryMode = "DELIVERY_MODE_DISTANCE", capacity = 20, fee = new { currencyCode = "USD", units = "0" },
            applicationDeadline = new { year = 2031, month = 2, day = 15 },
        }));
        var editionId = edition.GetProperty("id").GetString();
        Assert.Equal("EDITION_STATUS_PLANNED", edition.GetProperty("status").GetString());
        await OkAsync(await _http.PostAsJsonAsync($"/v1/courses/{courseId}/editions/{editionId}:setStatus", new { status = "EDITION_STATUS_OPEN" }));

        var applied = await OkAsync(await _http.PostAsJsonAsync($"/v1/courses/{courseId}/editions/{editionId}/enrolments", new
        {
            participantName = "Ana Souza", sex = "SEX_FEMALE", countryCode = "BRA", constituentGroup = "CONSTITUENT_GROUP_WORKERS", organisation = "CUT",
        }));
        var enrolmentId = applied.GetProperty("enrolments")[0].GetProperty("id").GetString();
        var accepted = await OkAsync(await _http.PostAsJsonAsync(
            $"/v1/courses/{courseId}/editions/{editionId}/enrolments/{enrolmentId}:setStatus", new { status = "ENROLMENT_STATUS_ACCEPTED" }));
        Assert.Equal("ENROLMENT_STATUS_ACCEPTED", accepted.GetProperty("enrolments")[0].GetProperty("status").GetString());

        var dated = await OkAsync(await _http.GetAsync(
            $"/v1/courses?text={code.ToLowerInvariant()}&editionStartsFrom.year=2031&editionStartsFrom.month=3&editionStartsFrom.day=1&editionStartsTo.year=2031&editionStartsTo.month=3&editionStartsTo.day=2"));
        Assert.Equal(1, dated.GetProperty("totalSize").GetInt32());

        var listed = await OkAsync(await _http.GetAsync($"/v1/courses/{courseId}/editions"));
        Assert.Equal(1, listed.GetProperty("totalSize").GetInt32());
        var fetched = await OkAsync(await _http.GetAsync($"/v1/courses/{courseId}/editions/{editionId}"));
        Assert.Equal("Online", fetched.GetProperty("venue").GetString());

        var twice = await _http.PostAsJsonAsync($"/v1/courses/{courseId}/editions/{editionId}/enrolments", new
        {
            participantName = "ana souza", sex = "SEX_FEMALE", countryCode = "BRA", constituentGroup = "CONSTITUENT_GROUP_WORKERS", organisation = "cut",
        });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var missing = await _http.GetAsync($"/v1/courses/{courseId}/editions/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
