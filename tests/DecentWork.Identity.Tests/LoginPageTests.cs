using System.Net;
using DecentWork.Identity.Endpoints;

namespace DecentWork.Identity.Tests;

public sealed class LoginPageTests(SeededIdentity identity) : IClassFixture<SeededIdentity>
{
    private PortalBrowser Browser() => new(identity.Instance.Address);

    [Fact]
    public async Task Login_WhenPasswordWrong_ShowsOnlyTheGenericMessage()
    {
        using var browser = Browser();
        var wrongPassword = await (await browser.LoginAsync("/account/login", "tz.gov", "not the password")).Content.ReadAsStringAsync();
        var unknownUser = await (await browser.LoginAsync("/account/login", "nobody.here", "not the password")).Content.ReadAsStringAsync();
        Assert.Contains(LoginPage.InvalidMessage, wrongPassword);
        Assert.Contains(LoginPage.InvalidMessage, unknownUser);
    }

    [Fact]
    public async Task Login_WhenServiceAccountName_IsRefused()
    {
        using var browser = Browser();
        var response = await browser.LoginAsync("/account/login", "test-loader", SeededIdentity.LoaderSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LoginPage.InvalidMessage, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_WhenFiveBadPasswords_LocksOutEvenTheRightPassword()
    {
        using var browser = Browser();
        for (var attempt = 0; attempt < 5; attempt++)
            await browser.LoginAsync("/account/login", "lock.me", "wrong password " + attempt);
        var response = await browser.LoginAsync("/account/login", "lock.me", SeededIdentity.LockedPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        // The same answer as for an unknown name: a lockout must not reveal that the account exists.
        Assert.Contains(LoginPage.InvalidMessage, page);
        Assert.Contains("type=\"password\"", page); // the form again: not signed in
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Login_WhenReturnUrlIsNotLocal_RedirectsHome(string returnUrl)
    {
        using var browser = Browser();
        var response = await browser.LoginAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), "tz.gov", SeededIdentity.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Login_WhenAntiforgeryTokenMissing_IsRejected()
    {
        using var http = new HttpClient { BaseAddress = identity.Instance.Address };
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "tz.gov", ["password"] = SeededIdentity.UserPassword, ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
