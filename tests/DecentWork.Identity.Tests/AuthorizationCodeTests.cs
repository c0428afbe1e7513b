using System.Net;

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
}
