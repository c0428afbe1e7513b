using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DecentWork.Identity.Tests;

/// <summary>Token requests as any OAuth client makes them, and validation against the published JWKS.</summary>
public static class Tokens
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(
        HttpClient http, params (string Key, string Value)[] form)
    {
        var response = await http.PostAsync("/connect/token",
            new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response, body);
    }

    public static async Task<JsonElement> ClientCredentialsAsync(HttpClient http, string clientId, string secret, string? scope = null)
    {
        (string, string)[] form = [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret)];
        if (scope is not null) form = [.. form, ("scope", scope)];
        var (response, body) = await PostAsync(http, form);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    public static async Task<string> AccessTokenAsync(HttpClient http, string clientId, string secret, string? scope = null) =>
        (await ClientCredentialsAsync(http, clientId, secret, scope)).GetProperty("access_token").GetString()!;

    /// <summary>Validates signature, issuer and lifetime the way a service's JWT bearer handler does.</summary>
    public static async Task<TokenValidationResult> ValidateAsync(HttpClient http, string token)
    {
        var jwks = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = http.BaseAddress!.ToString(),
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidateAudience = false,
        });
    }

    public static async Task<IReadOnlyList<string>> KeyIdsAsync(HttpClient http) =>
        new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks")).Keys.Select(k => k.Kid).ToList();

    public static JsonWebToken Read(string token) => new(token);

    public static IReadOnlyList<string> Values(JsonWebToken token, string claim) =>
        token.Claims.Where(c => c.Type == claim).Select(c => c.Value).ToList();
}
