using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DecentWork.Portal.Auth;

/// <summary>
/// On each request the cookie is read: when its access token expires within a minute, the refresh
/// token buys a new pair at the identity provider's token endpoint and the cookie is rewritten. If
/// that fails (refresh token expired, revoked or reused), the cookie is rejected and the next page
/// asks for a sign-in again, which is silent while the identity provider's own session lasts.
/// </summary>
public sealed class CookieTokenRefresher(IHttpClientFactory httpClients, PortalSettings settings, ILogger<CookieTokenRefresher> logger)
{
    public const string HttpClientName = "identity";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public async Task ValidateOrRefreshAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry))
        {
            context.RejectPrincipal();
            return;
        }
        if (expiry - Margin > DateTimeOffset.UtcNow) return;

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var refreshed = refreshToken is null ? null : await RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", refreshed.Value.AccessToken);
        context.Properties.UpdateTokenValue("refresh_token", refreshed.Value.RefreshToken ?? refreshToken!);
        context.Properties.UpdateTokenValue("expires_at",
            DateTimeOffset.UtcNow.AddSeconds(refreshed.Value.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private async Task<(string AccessToken, string? RefreshToken, int ExpiresIn)?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
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
        return (root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var next) ? next.GetString() : null,
            root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300);
    }
}
