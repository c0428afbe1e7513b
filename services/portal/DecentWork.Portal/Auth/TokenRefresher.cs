using System.Text.Json;

namespace DecentWork.Portal.Auth;

/// <summary>An access token, the refresh token that renews it, and when the access token expires.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>
/// The refresh-token grant at the identity provider's token endpoint (a public client: no secret).
/// Used by the cookie on page requests and by an open page's circuit, which has no response to
/// rewrite the cookie in.
/// </summary>
public sealed class TokenRefresher(IHttpClientFactory httpClients, PortalSettings settings, TimeProvider clock, ILogger<TokenRefresher> logger)
{
    public const string HttpClientName = "identity";

    /// <summary>A new token set, or null when the provider refuses (refresh token expired, revoked or reused; account locked) or cannot be reached.</summary>
    public async Task<TokenSet?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        try
        {
            using var response = await http.PostAsync(new Uri(settings.Authority, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = settings.ClientId,
                ["refresh_token"] = refreshToken,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("Refreshing the access token failed with {Status}; the user signs in again", (int)response.StatusCode);
                return null;
            }
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = body.RootElement;
            var lifetime = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300;
            return new TokenSet(root.GetProperty("access_token").GetString()!,
                root.TryGetProperty("refresh_token", out var next) ? next.GetString() : refreshToken,
                clock.GetUtcNow().AddSeconds(lifetime));
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("The identity provider could not be reached to refresh the access token: {Error}", e.Message);
            return null;
        }
    }
}
