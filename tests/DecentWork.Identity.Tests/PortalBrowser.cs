using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace DecentWork.Identity.Tests;

/// <summary>
/// A browser for the portal's sign-in: cookies, no automatic redirects (each hop is checked), the
/// login form's antiforgery token, and PKCE the way an OIDC client library sends it.
/// </summary>
public sealed partial class PortalBrowser : IDisposable
{
    public const string ClientId = "portal";
    public const string RedirectUri = "http://127.0.0.1:5090/signin-oidc";

    private readonly HttpClient _http;

    public PortalBrowser(Uri identity)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        { BaseAddress = identity };
    }

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public string AuthorizeUrl(string scope = "openid profile offline_access", bool pkce = true) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri,
            ["scope"] = scope, ["state"] = "s1",
            ["code_challenge"] = pkce ? Challenge : null, ["code_challenge_method"] = pkce ? "S256" : null,
        }.Where(p => p.Value is not null));

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>Fetches the login page and posts the form; returns the answer to the POST.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string loginUrl, string userName, string password)
    {
        var page = await _http.GetStringAsync(loginUrl);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken"),
            ["returnUrl"] = Field(page, "returnUrl"),
            ["username"] = userName,
            ["password"] = password,
        };
        return await _http.PostAsync("/account/login", new FormUrlEncodedContent(form));
    }

    /// <summary>Authorize → login → back to authorize → the code on the redirect to the portal.</summary>
    public async Task<string> SignInForCodeAsync(string userName, string password, string scope = "openid profile offline_access")
    {
        var challenge = await _http.GetAsync(AuthorizeUrl(scope));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var login = await LoginAsync(challenge.Headers.Location!.ToString(), userName, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authorize = await _http.GetAsync(login.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var back = authorize.Headers.Location!;
        Assert.StartsWith(RedirectUri, back.ToString());
        return QueryHelpers.ParseQuery(back.Query)["code"].ToString();
    }

    public Task<(HttpResponseMessage Response, JsonElement Body)> ExchangeAsync(string code, string? verifier)
    {
        (string, string)[] form =
            [("grant_type", "authorization_code"), ("client_id", ClientId), ("code", code), ("redirect_uri", RedirectUri)];
        if (verifier is not null) form = [.. form, ("code_verifier", verifier)];
        return Tokens.PostAsync(_http, form);
    }

    public Task<(HttpResponseMessage Response, JsonElement Body)> RefreshAsync(string refreshToken) =>
        Tokens.PostAsync(_http, ("grant_type", "refresh_token"), ("client_id", ClientId), ("refresh_token", refreshToken));

    public Task<HttpResponseMessage> RevokeAsync(string token) =>
        _http.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ClientId, ["token"] = token, ["token_type_hint"] = "refresh_token",
        }));

    private static string Field(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"login page has no {name} field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => _http.Dispose();
}
