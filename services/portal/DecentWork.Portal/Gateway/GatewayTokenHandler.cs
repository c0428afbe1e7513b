using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace DecentWork.Portal.Gateway;

/// <summary>
/// Puts the signed-in user's access token (saved in the auth cookie) on every gateway call. In an
/// interactive circuit the HttpContext is the circuit's connection request, whose cookie was read
/// (and refreshed, see CookieTokenRefresher) when the circuit started; a circuit that outlives the
/// token gets <see cref="SessionExpiredException"/> and the page offers to sign in again.
/// </summary>
public sealed class GatewayTokenHandler(IHttpContextAccessor httpContext) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = httpContext.HttpContext ?? throw new SessionExpiredException();
        var token = await context.GetTokenAsync("access_token");
        var expiresAt = await context.GetTokenAsync("expires_at");
        if (token is null || expiresAt is null
            || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry)
            || expiry <= DateTimeOffset.UtcNow)
            throw new SessionExpiredException();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The user's access token is missing or expired: sign in again (silent while the identity session lasts).</summary>
public sealed class SessionExpiredException() : Exception("The session has expired; sign in again.");
