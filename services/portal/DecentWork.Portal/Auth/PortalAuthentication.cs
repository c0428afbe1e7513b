using DecentWork.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DecentWork.Portal.Auth;

/// <summary>
/// Cookie sign-in backed by OpenID Connect at the platform's identity provider: authorization code
/// with PKCE, a public client (no secret to keep), tokens saved in the encrypted auth cookie so the
/// gateway calls can carry the user's access token. Every page needs a signed-in user.
/// </summary>
public static class PortalAuthentication
{
    /// <summary>The four APIs the portal calls through the gateway, plus a refresh token.</summary>
    public static readonly string[] Scopes = ["openid", "profile", "offline_access", "programming", "coordination", "partnerships", "training"];

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, PortalSettings settings)
    {
        services.AddSingleton<CookieTokenRefresher>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "decentwork-portal";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<CookieTokenRefresher>().ValidateOrRefreshAsync(context);
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = settings.Authority.ToString();
                options.RequireHttpsMetadata = !settings.AllowHttp;
                options.ClientId = settings.ClientId;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                // The code comes back on a redirect (GET), not a cross-site form post: the correlation
                // and nonce cookies can then be SameSite=Lax, which browsers keep on plain http too
                // (SameSite=None needs Secure). On https they are Secure as well.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.Scope.Clear();
                foreach (var scope in Scopes) options.Scope.Add(scope);
                // The identity provider's claim names (services/identity/README.md): role, country, name.
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.ClaimActions.MapAll();
                if (settings.BrowserAuthority is { } browser)
                {
                    options.Events.OnRedirectToIdentityProvider = context => ToBrowserAuthority(context.ProtocolMessage, browser);
                    options.Events.OnRedirectToIdentityProviderForSignOut = context => ToBrowserAuthority(context.ProtocolMessage, browser);
                }
            });
        services.AddAuthorization(options =>
        {
            options.FallbackPolicy = options.DefaultPolicy;
            // The services' own policy names and roles, so a page is offered to exactly the roles its RPCs accept.
            foreach (var (policy, roles) in AccessPolicies.Matrix) options.AddPolicy(policy, p => p.RequireRole(roles));
        });
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        return services;
    }

    /// <summary>/account/login starts the sign-in; /account/logout ends both sessions (portal and identity provider).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (string? returnUrl) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) })).AllowAnonymous();
        app.MapPost("/account/logout", () => TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
    }

    // The discovery document names the provider's endpoints as the portal reaches it; the browser's redirect goes to its own address for it.
    private static Task ToBrowserAuthority(OpenIdConnectMessage message, Uri browser)
    {
        message.IssuerAddress = new Uri(browser, new Uri(message.IssuerAddress).PathAndQuery).ToString();
        return Task.CompletedTask;
    }

    // Only a path of this site: a login link must never send the user elsewhere afterwards.
    private static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
