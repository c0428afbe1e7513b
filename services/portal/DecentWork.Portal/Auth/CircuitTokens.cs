using System.Globalization;
using DecentWork.Portal.Gateway;
using Microsoft.AspNetCore.Authentication;

namespace DecentWork.Portal.Auth;

/// <summary>
/// The user's tokens for one circuit (an open page) or one plain request: read once from the auth
/// cookie of the request that opened it, then renewed here with the refresh token when the access
/// token is about to expire, since a circuit can outlive its token and has no response in which
/// to rewrite the cookie. When the provider refuses, the session has ended: <see cref="SessionExpiredException"/>,
/// which the layout turns into "sign in again". The refreshed pair stays in this circuit only;
/// the cookie's own (now redeemed) refresh token is refused on the next page load once the
/// provider's reuse leeway has passed, and that page signs in again (silently while the identity
/// provider's session lasts).
/// </summary>
public sealed class CircuitTokens(IHttpContextAccessor httpContext, TokenRefresher refresher, TimeProvider clock)
{
    // A token this close to expiry could lapse on its way through the gateway: renew it first.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenSet? _tokens;
    private bool _ended;

    /// <summary>A valid access token for the next gateway call, renewed if need be (one renewal for concurrent callers).</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ended) throw new SessionExpiredException();
            _tokens ??= await FromCookieAsync() ?? throw new SessionExpiredException();
            if (_tokens.ExpiresAt - Margin > clock.GetUtcNow()) return _tokens.AccessToken;
            var renewed = _tokens.RefreshToken is { } refreshToken ? await refresher.RefreshAsync(refreshToken, cancellationToken) : null;
            _ended = renewed is null;
            _tokens = renewed ?? throw new SessionExpiredException();
            return _tokens.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<TokenSet?> FromCookieAsync()
    {
        if (httpContext.HttpContext is not { } context) return null;
        var token = await context.GetTokenAsync("access_token");
        var expiresAt = await context.GetTokenAsync("expires_at");
        if (token is null || expiresAt is null
            || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry))
            return null;
        return new TokenSet(token, await context.GetTokenAsync("refresh_token"), expiry);
    }
}
