using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DecentWork.Portal.Tests;

/// <summary>Country programmes in the portal: scoped lists, the registration form, the lifecycle's buttons.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProgrammeTests(PortalPlatform portal)
{
    [Fact]
    public async Task Programmes_WhenACountryOfficeSignsIn_ListsOnlyItsCountries()
    {
        // One programme in the office's country and one elsewhere, so the list has something to leave
        // out (after the demo data's periods: a country has one programme at a time).
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await RegisterThroughTheApiAsync("KHM", $"Cambodia DWCP {suffix}");
        await RegisterThroughTheApiAsync("TZA", $"Tanzania DWCP {suffix}");

        var page = await portal.SignInAsync(portal.CambodiaOffice);
        await page.GotoAsync("/programmes");
        await Expect(page.GetByTestId("programme-row").First).ToBeVisibleAsync();

        var countries = await page.GetByTestId("programme-country").AllInnerTextsAsync();
        Assert.NotEmpty(countries);
        Assert.All(countries, country => Assert.Equal("KHM", country.Trim()));
        await Expect(page.GetByText($"Cambodia DWCP {suffix}")).ToBeVisibleAsync();
        await Expect(page.GetByText($"Tanzania DWCP {suffix}")).ToHaveCountAsync(0);
        await PortalPlatform.ScreenshotAsync(page, "programmes-country-office-1280");
    }

    [Fact]
    public async Task RegisterProgramme_WhenTheEndIsBeforeTheStart_ShowsTheViolationAtTheFieldAndKeepsTheForm()
    {
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);
        var title = $"Viet Nam DWCP {Guid.NewGuid():N}"[..30];

        await FillRegistrationAsync(page, "VNM", title, "2031-01-01", "2030-12-31");
        await Expect(PortalPlatform.Field(page, "period_end")).ToContainTextAsync("must not be before");
        await Expect(PortalPlatform.Input(page, "title")).ToHaveValueAsync(title);
        await Expect(PortalPlatform.Input(page, "country_code")).ToHaveValueAsync("VNM");

        await PortalPlatform.Input(page, "period_end").FillAsync("2034-12-31");
        await page.GetByTestId("register").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("Draft");
    }

    [Fact]
    public async Task Lifecycle_WithTheButtons_TakesAProgrammeThroughConsultationToQualityAssurance()
    {
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);
        var title = $"Ghana DWCP {Guid.NewGuid():N}"[..27];
        await FillRegistrationAsync(page, "GHA", title, "2031-01-01", "2034-12-31");
        await Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("Draft");

        await PortalPlatform.Input(page, "priority-title").FillAsync("Youth employment");
        await page.GetByTestId("add-priority").ClickAsync();
        await Expect(page.GetByTestId("priority")).ToHaveCountAsync(1);
        await PortalPlatform.Input(page, "outcome-code").FillAsync("GHA101");
        await PortalPlatform.Input(page, "outcome-statement").FillAsync("Youth employment policies adopted");
        await PortalPlatform.Input(page, "outcome-need").FillAsync("250000");
        await page.GetByTestId("add-outcome").ClickAsync();
        await Expect(page.GetByTestId("outcome")).ToHaveCountAsync(1);

        // A country office or programme officer sees only the steps of the current status.
        await Expect(page.GetByTestId("step-submitForQualityAssurance")).ToHaveCountAsync(0);
        await page.GetByTestId("step-startConsultation").ClickAsync();
        await Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("In consultation");

        await PortalPlatform.Input(page, "held_on").FillAsync("2026-10-02");
        await PortalPlatform.Input(page, "place").FillAsync("Accra");
        for (var group = 0; group < 3; group++)
        {
            await PortalPlatform.Input(page, $"women-{group}").FillAsync("2");
            await PortalPlatform.Input(page, $"men-{group}").FillAsync("3");
        }
        await page.GetByTestId("record-consultation").ClickAsync();
        await Expect(page.GetByTestId("consultation-row")).ToHaveCountAsync(3);

        await page.GetByTestId("step-submitForQualityAssurance").ClickAsync();
        await Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("Under quality assurance");
        // Programme staff do not review their own submission: no review form, and approval waits for the review.
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Record a quality assurance review" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("step-approve")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("history-entry").First).ToBeVisibleAsync();
        await PortalPlatform.ScreenshotAsync(page, "programme-1280");
    }

    private static async Task FillRegistrationAsync(IPage page, string country, string title, string start, string end)
    {
        await page.GotoAsync("/programmes/new");
        await PortalPlatform.Input(page, "country_code").FillAsync(country);
        await PortalPlatform.Input(page, "title").FillAsync(title);
        await PortalPlatform.Input(page, "period_start").FillAsync(start);
        await PortalPlatform.Input(page, "period_end").FillAsync(end);
        await page.GetByTestId("register").ClickAsync();
    }

    [Fact]
    public async Task ProgrammePage_WhenItsOutcomesHaveIndicators_ChartsEachOutcomesProgressBesideItsFigures()
    {
        // Tanzania's active DWCP in the demo data reports on its first outcome's indicator.
        var listed = await portal.Platform.GatewayJson.GetFromJsonAsync<JsonElement>("/v1/programmes?country=TZA&status=PROGRAMME_STATUS_ACTIVE");
        var programme = listed.GetProperty("programmes")[0];
        var outcome = programme.GetProperty("priorities")[0].GetProperty("outcomes")[0];
        var indicators = outcome.GetProperty("indicators").GetArrayLength();
        Assert.True(indicators > 0, "the demo programme has indicators");

        var page = await portal.SignInAsync(portal.ProgrammeOfficer);
        await page.GotoAsync($"/programmes/{programme.GetProperty("id").GetString()}");
        var chart = page.GetByTestId("indicator-chart").First;
        await Expect(chart.Locator("svg")).ToBeVisibleAsync();
        // The chart only draws: screen readers get the rows with the figures and a labelled bar per indicator.
        await Expect(chart).ToHaveAttributeAsync("aria-hidden", "true");
        await Expect(page.GetByRole(AriaRole.Progressbar).First).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("% of target$"));
        await PortalPlatform.ScreenshotAsync(page, "programme-indicators-1280");
    }

    private async Task RegisterThroughTheApiAsync(string country, string title)
    {
        using var response = await portal.Platform.GatewayJson.PostAsJsonAsync("/v1/programmes", new
        {
            countryCode = country, title, periodStart = new { year = 2031, month = 1, day = 1 }, periodEnd = new { year = 2034, month = 12, day = 31 },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
