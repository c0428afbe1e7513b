using System.Net.Http.Json;
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
        // One programme in the office's country and one elsewhere, so the list has something to leave out.
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

        await FillRegistrationAsync(page, "VNM", title, "2010-01-01", "2009-12-31");
        await Expect(page.GetByTestId("period_end")).ToContainTextAsync("must not be before");
        await Expect(page.GetByTestId("title").Locator("input")).ToHaveValueAsync(title);
        await Expect(page.GetByTestId("country_code").Locator("input")).ToHaveValueAsync("VNM");

        await page.GetByTestId("period_end").Locator("input").FillAsync("2013-12-31");
        await page.GetByTestId("register").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("Draft");
    }

    [Fact]
    public async Task Lifecycle_WithTheButtons_TakesAProgrammeThroughConsultationToQualityAssurance()
    {
        var page = await portal.SignInAsync(portal.ProgrammeOfficer);
        var title = $"Ghana DWCP {Guid.NewGuid():N}"[..27];
        await FillRegistrationAsync(page, "GHA", title, "2010-01-01", "2013-12-31");
        await Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("Draft");

        await page.GetByTestId("priority-title").Locator("input").FillAsync("Youth employment");
        await page.GetByTestId("add-priority").ClickAsync();
        await Expect(page.GetByTestId("priority")).ToHaveCountAsync(1);
        await page.GetByTestId("outcome-code").Locator("input").FillAsync("GHA101");
        await page.GetByTestId("outcome-statement").Locator("input").FillAsync("Youth employment policies adopted");
        await page.GetByTestId("outcome-need").Locator("input").FillAsync("250000");
        await page.GetByTestId("add-outcome").ClickAsync();
        await Expect(page.GetByTestId("outcome")).ToHaveCountAsync(1);

        // A country office or programme officer sees only the steps of the current status.
        await Expect(page.GetByTestId("step-submitForQualityAssurance")).ToHaveCountAsync(0);
        await page.GetByTestId("step-startConsultation").ClickAsync();
        await Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("In consultation");

        await page.GetByTestId("held_on").Locator("input").FillAsync("2009-10-02");
        await page.GetByTestId("place").Locator("input").FillAsync("Accra");
        for (var group = 0; group < 3; group++)
        {
            await page.GetByTestId($"women-{group}").Locator("input").FillAsync("2");
            await page.GetByTestId($"men-{group}").Locator("input").FillAsync("3");
        }
        await page.GetByTestId("record-consultation").ClickAsync();
        await Expect(page.GetByTestId("consultation-row")).ToHaveCountAsync(3);

        await page.GetByTestId("step-submitForQualityAssurance").ClickAsync();
        await Expect(page.GetByTestId("programme-status")).ToHaveTextAsync("Under quality assurance");
        // Programme staff do not review their own submission: no review form, and approval waits for the review.
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Record a quality assurance review" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("history-entry").First).ToBeVisibleAsync();
        await PortalPlatform.ScreenshotAsync(page, "programme-1280");
    }

    private static async Task FillRegistrationAsync(IPage page, string country, string title, string start, string end)
    {
        await page.GotoAsync("/programmes/new");
        await page.GetByTestId("country_code").Locator("input").FillAsync(country);
        await page.GetByTestId("title").Locator("input").FillAsync(title);
        await page.GetByTestId("period_start").Locator("input").FillAsync(start);
        await page.GetByTestId("period_end").Locator("input").FillAsync(end);
        await page.GetByTestId("register").ClickAsync();
    }

    private async Task RegisterThroughTheApiAsync(string country, string title)
    {
        using var response = await portal.Platform.GatewayJson.PostAsJsonAsync("/v1/programmes", new
        {
            countryCode = country, title, periodStart = new { year = 2010, month = 1, day = 1 }, periodEnd = new { year = 2013, month = 12, day = 31 },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
