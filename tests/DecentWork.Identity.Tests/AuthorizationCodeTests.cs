using System.Net;
using DecentWork.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Identity.Tests;

public sealed class AuthorizationCodeTests(SeededIdentity identity) : IClassFixture<SeededIdentity>
{
    private PortalBrowser Browser() => new(identity.Instance.Address);

    [Fact]
    public async Task AuthorizationCode_WhenUserSignsInWithPkce_IssuesTokensWithTheUsersClaims()
    {
        using var browser = Browser();
        var code = await browser.SignInForCodeAsync("tz.gov", SeededIdentity.UserPassword);
        var (response, body) = await browser.ExchangeAsync(code, browser.Verifier);
        Assert.True(response.IsSuccessStatusCode, body.ToString());

        var raw = body.GetProperty("access_token").GetString()!;
        Assert.True((await Tokens.ValidateAsync(identity.Instance.Http, raw)).IsValid);
        var token = Tokens.Read(raw);
        Assert.NotEqual("tz.gov", token.Subject);
        Assert.True(Guid.TryParse(token.Subject, out _), "sub is the account's id");
        Assert.Equal(["Tanzania government"], Tokens.Values(token, "name"));
        Assert.Equal(["constituent"], Tokens.Values(token, "role"));
        Assert.Equal(["TZA"], Tokens.Values(token, "country"));
        Assert.Equal(["government"], Tokens.Values(token, "constituent_group"));
        Assert.Equal(4, token.Audiences.Count());
        Assert.True(body.TryGetProperty("id_token", out _));
        Assert.True(body.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task AuthorizationCode_WhenApiScopeNamed_AudienceIsThatResource()
    {
        using var browser = Browser();
        var code = await browser.SignInForCodeAsync("tz.gov", SeededIdentity.UserPassword, "openid coordination");
        var (_, body) = await browser.ExchangeAsync(code, browser.Verifier);
        var token = Tokens.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal(["decentwork-coordination"], token.Audiences);
        Assert.False(body.TryGetProperty("refresh_token", out _), "no offline_access, no refresh token");
    }

    [Fact]
    public async Task RefreshToken_WhenUsed_IssuesNewTokensAndRolls()
    {
        using var browser = Browser();
        var (_, first) = await browser.ExchangeAsync(await browser.SignInForCodeAsync("tz.gov", SeededIdentity.UserPassword), browser.Verifier);
        var refresh = first.GetProperty("refresh_token").GetString()!;

        var (response, second) = await browser.RefreshAsync(refresh);
        Assert.True(response.IsSuccessStatusCode, second.ToString());
        Assert.NotEqual(refresh, second.GetProperty("refresh_token").GetString());
        var token = Tokens.Read(second.GetProperty("access_token").GetString()!);
        Assert.Equal(["TZA"], Tokens.Values(token, "country"));
    }

    [Fact]
    public async Task RefreshToken_WhenRevoked_IsRefused()
    {
        using var browser = Browser();
        var (_, first) = await browser.ExchangeAsync(await browser.SignInForCodeAsync("tz.gov", SeededIdentity.UserPassword), browser.Verifier);
        var refresh = first.GetProperty("refresh_token").GetString()!;

        var revoke = await browser.RevokeAsync(refresh);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var (response, body) = await browser.RefreshAsync(refresh);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RefreshToken_WhenAccountLockedOutSince_IsRefused()
    {
        using var browser = Browser();
        var (_, first) = await browser.ExchangeAsync(await browser.SignInForCodeAsync("lock.me", SeededIdentity.LockedPassword), browser.Verifier);

        await using (var scope = identity.Instance.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("lock.me"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var (response, body) = await browser.RefreshAsync(first.GetProperty("refresh_token").GetString()!);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task CodeExchange_WhenVerifierMissing_IsRefused()
    {
        using var browser = Browser();
        var (response, body) = await browser.ExchangeAsync(await browser.SignInForCodeAsync("tz.gov", SeededIdentity.UserPassword), null);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task CodeExchange_WhenVerifierWrong_IsRefused()
    {
        using var browser = Browser();
        using var other = Browser();
        var code = await browser.SignInForCodeAsync("tz.gov", SeededIdentity.UserPassword);
        var (response, body) = await browser.ExchangeAsync(code, other.Verifier);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorize_WhenNoCodeChallenge_IsRefused()
    {
        using var browser = Browser();
        var response = await browser.GetAsync(browser.AuthorizeUrl(pkce: false));
        // An error, never a code and never the login page.
        var answer = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", answer);
        Assert.DoesNotContain("code=", answer);
        Assert.DoesNotContain("/account/login", answer);
    }

    [Fact]
    public async Task Authorize_WhenNotSignedIn_RedirectsToLoginWithLocalReturnUrl()
    {
        using var browser = Browser();
        var response = await browser.GetAsync(browser.AuthorizeUrl());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/account/login?ReturnUrl=%2Fconnect%2Fauthorize", location);
    }

    [Fact]
    public async Task EndSession_WhenSignedIn_SignsOutAndReturnsToThePortal()
    {
        using var browser = Browser();
        await browser.SignInForCodeAsync("tz.gov", SeededIdentity.UserPassword);

        var logout = await browser.GetAsync("/connect/endsession?client_id=portal&post_logout_redirect_uri="
            + Uri.EscapeDataString("http://127.0.0.1:5090/"));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("http://127.0.0.1:5090/", logout.Headers.Location!.ToString());
        var again = await browser.GetAsync(browser.AuthorizeUrl());
        Assert.Contains("/account/login", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task EndSession_WhenRedirectUriNotRegistered_IsRefused()
    {
        using var browser = Browser();
        var logout = await browser.GetAsync("/connect/endsession?client_id=portal&post_logout_redirect_uri="
            + Uri.EscapeDataString("http://evil.example/"));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }
}
