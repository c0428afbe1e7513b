using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DecentWork.Portal.Tests;

/// <summary>An edition's page: its enrolments and waiting list, and the enrolment form for the training centre.</summary>
[Collection(PortalCollection.Name)]
public sealed class TrainingTests(PortalPlatform portal)
{
    [Fact]
    public async Task ApplyForEdition_WhenTheOrganisationIsMissing_ShowsTheViolationThenEnrolsAndListsTheParticipant()
    {
        // One place and two accepted applicants: the second waits for a place.
        var (courseId, editionId) = await OpenEditionAsync(capacity: 1);
        await ApplyAndAcceptAsync(courseId, editionId, "Amina Phiri");
        await ApplyAndAcceptAsync(courseId, editionId, "Brian Mwale");
        var page = await portal.SignInAsync(portal.TrainingCentre);

        await page.GotoAsync($"/training/courses/{courseId}/editions/{editionId}");
        await Expect(page.GetByTestId("enrolments").GetByTestId("participant")).ToHaveTextAsync(["Amina Phiri"]);
        await Expect(page.GetByTestId("waiting-list").GetByTestId("participant")).ToHaveTextAsync(["Brian Mwale"]);

        await PortalPlatform.Input(page, "participant_name").FillAsync("Chanda Banda");
        await page.GetByTestId("sex").SelectOptionAsync("SEX_FEMALE");
        await PortalPlatform.Input(page, "participant_country").FillAsync("ZMB");
        await page.GetByTestId("constituent_group").SelectOptionAsync("CONSTITUENT_GROUP_WORKERS");
        await FormAccessibility.CheckAsync(page, "Enrol a participant", "participant_name", "enrol");
        await page.GetByTestId("enrol").ClickAsync();
        await Expect(PortalPlatform.Field(page, "organisation")).ToContainTextAsync("is required");
        await Expect(PortalPlatform.Input(page, "participant_name")).ToHaveValueAsync("Chanda Banda");
        await Expect(page.GetByTestId("constituent_group")).ToHaveValueAsync("CONSTITUENT_GROUP_WORKERS");

        await PortalPlatform.Input(page, "organisation").FillAsync("Zambia Congress of Trade Unions");
        await page.GetByTestId("enrol").ClickAsync();
        await Expect(page.GetByTestId("enrolled")).ToContainTextAsync("Chanda Banda");
        var newRow = page.GetByTestId("enrolments").GetByTestId("enrolment").Filter(new() { HasText = "Chanda Banda" });
        await Expect(newRow.GetByTestId("enrolment-status")).ToHaveTextAsync("Applied");
        await PortalPlatform.ScreenshotAsync(page, "edition-1280");
        await PortalPlatform.AtPhoneWidthAsync(page, "edition-390");
    }

    [Fact]
    public async Task EditionPage_WhenTheRoleMayOnlyRead_ListsTheEnrolmentsWithoutTheForm()
    {
        var (courseId, editionId) = await OpenEditionAsync(capacity: 5);
        await ApplyAndAcceptAsync(courseId, editionId, "Dalitso Zulu");
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);

        await page.GotoAsync($"/training/courses/{courseId}/editions/{editionId}");
        await Expect(page.GetByTestId("enrolments").GetByTestId("participant")).ToHaveTextAsync(["Dalitso Zulu"]);
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Enrol a participant" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("enrolment-closed")).ToHaveCountAsync(0);
    }

    /// <summary>A new course with a one-day edition tomorrow, open for applications until then (the real clock).</summary>
    private async Task<(string CourseId, string EditionId)> OpenEditionAsync(int capacity)
    {
        var gateway = portal.Platform.GatewayJson;
        var course = await PostAsync(gateway, "/v1/courses", new
        {
            code = "PT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            title = "Social dialogue for trade union educators",
            languages = new[] { "en" },
        });
        var courseId = course.GetProperty("id").GetString()!;
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var day = new { year = tomorrow.Year, month = tomorrow.Month, day = tomorrow.Day };
        var edition = await PostAsync(gateway, $"/v1/courses/{courseId}/editions", new
        {
            startDate = day, endDate = day, venue = "Lusaka", deliveryMode = "DELIVERY_MODE_FIELD", capacity,
            fee = new { currencyCode = "USD", units = 0 }, applicationDeadline = day,
        });
        var editionId = edition.GetProperty("id").GetString()!;
        await PostAsync(gateway, $"/v1/courses/{courseId}/editions/{editionId}:setStatus", new { status = "EDITION_STATUS_OPEN" });
        return (courseId, editionId);
    }

    private async Task ApplyAndAcceptAsync(string courseId, string editionId, string name)
    {
        var gateway = portal.Platform.GatewayJson;
        var edition = await PostAsync(gateway, $"/v1/courses/{courseId}/editions/{editionId}/enrolments", new
        {
            participantName = name, sex = "SEX_MALE", countryCode = "ZMB", constituentGroup = "CONSTITUENT_GROUP_WORKERS",
            organisation = "Zambia Congress of Trade Unions",
        });
        var enrolmentId = edition.GetProperty("enrolments").EnumerateArray()
            .Single(e => e.GetProperty("participantName").GetString() == name).GetProperty("id").GetString();
        await PostAsync(gateway, $"/v1/courses/{courseId}/editions/{editionId}/enrolments/{enrolmentId}:setStatus", new { status = "ENROLMENT_STATUS_ACCEPTED" });
    }

    private static async Task<JsonElement> PostAsync(HttpClient gateway, string path, object body)
    {
        using var response = await gateway.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
