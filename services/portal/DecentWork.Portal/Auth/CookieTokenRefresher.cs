using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace DecentWork.Portal.Auth;

/// <summary>
/// On each page request the cookie is read: when its access token is near expiry (a minute, or a
/// quarter of the token's lifetime for short-lived tokens), the refresh token buys a new pair and
/// the cookie is rewritten. If that fails (refresh token expired, revoked or reused), the cookie
/// is rejected and the next page asks for a sign-in again, which is silent while the identity
/// provider's own session lasts. Anonymous endpoints (static files, health, sign-in) skip it, so
/// a page's parallel asset requests do not each redeem the refresh token.
/// </summary>
public sealed class CookieTokenRefresher(TokenRefresher refresher, TimeProvider clock)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public async Task ValidateOrRefreshAsync(CookieValidatePrincipalContext context)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null) return;
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry))
        {
            context.RejectPrincipal();
            return;
        }
        var margin = context.Properties.IssuedUtc is { } issued && expiry - issued < 4 * Margin ? (expiry - issued) / 4 : Margin;
        if (expiry - margin > clock.GetUtcNow()) return;

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var refreshed = refreshToken is null ? null : await refresher.RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", refreshed.AccessToken);
        context.Properties.UpdateTokenValue("refresh_token", refreshed.RefreshToken ?? refreshToken!);
        context.Properties.UpdateTokenValue("expires_at", refreshed.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }
}
