using static Microsoft.Playwright.Assertions;

namespace DecentWork.Portal.Tests;

/// <summary>
/// An open page outliving its access token (the fixture gives the portal client short-lived
/// tokens): the circuit renews the token with the refresh token, and when the identity provider
/// refuses (here: the account was locked meanwhile), the page says the session has ended and
/// offers a sign-in that comes back to the same page.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SessionTests(PortalPlatform portal)
{
    [Fact]
    public async Task GatewayCall_WhenTheTokenExpiresInAnOpenPage_RenewsItOrAsksToSignInAgainOnThatPage()
    {
        var renewing = await portal.SignInAsync(portal.ProgrammeOfficer);
        var ending = await portal.SignInAsync(portal.SessionTester);
        foreach (var page in new[] { renewing, ending })
        {
            await page.GotoAsync("/programmes");
            await Expect(page.GetByTestId("programme-row").First).ToBeVisibleAsync();
        }
        await portal.SetLockedOutAsync(portal.SessionTester, locked: true);
        try
        {
            // Both pages' tokens were issued before this point: past their lifetime, both have expired.
            await Task.Delay(PortalPlatform.AccessTokenLifetime + TimeSpan.FromSeconds(1));

            await PortalPlatform.Input(renewing, "filter-country").FillAsync("KHM");
            await renewing.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(renewing.GetByTestId("programme-country").First).ToHaveTextAsync("KHM");
            await Expect(renewing.GetByTestId("session-ended")).ToHaveCountAsync(0);

            await PortalPlatform.Input(ending, "filter-country").FillAsync("KHM");
            await ending.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Expect(ending.GetByTestId("session-ended")).ToContainTextAsync("Your session has ended — sign in again");
            // The layout caught it: the menu is still there, and no other page failure is shown.
            await Expect(ending.GetByRole(Microsoft.Playwright.AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
            await Expect(ending.GetByTestId("page-failed")).ToHaveCountAsync(0);
            await PortalPlatform.ScreenshotAsync(ending, "session-ended-1280");
        }
        finally
        {
            await portal.SetLockedOutAsync(portal.SessionTester, locked: false);
        }

        // Silent while the identity provider's session lasts; its login page otherwise. Either way, back to this page.
        await ending.GetByTestId("sign-in-again").ClickAsync();
        var rows = ending.GetByTestId("programme-row").First;
        var login = ending.GetByLabel("User name");
        await Expect(rows.Or(login)).ToBeVisibleAsync();
        if (await login.IsVisibleAsync())
        {
            await login.FillAsync(portal.SessionTester.UserName);
            await ending.GetByLabel("Password").FillAsync(portal.SessionTester.Password);
            await ending.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        await Expect(rows).ToBeVisibleAsync();
        Assert.Equal("/programmes", new Uri(ending.Url).AbsolutePath);
    }
}
