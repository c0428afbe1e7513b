using System.Security.Claims;
using DecentWork.Identity.Claims;
using DecentWork.Identity.Data;
using DecentWork.ServiceDefaults.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DecentWork.Identity.Endpoints;

/// <summary>
/// /connect/token after OpenIddict has authenticated the client and validated the grant. The
/// claims are rebuilt from the account on every grant, so a role removed by re-seeding is gone
/// from the next refreshed token, and a locked-out or deleted account gets no new token.
/// </summary>
public static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/connect/token", HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context, UserManager<Account> users, SignInManager<Account> signIn)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict token request is missing.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await users.FindByNameAsync(request.ClientId!);
            if (client is null || !client.IsServiceAccount)
                return AuthorizeEndpoint.Forbid(Errors.InvalidClient, "The client is not allowed to request tokens.");
            var principal = await AccountClaims.BuildAsync(users, client, client.UserName!, ApiScopes.Grant(request.GetScopes()));
            return SignIn(principal);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? new ClaimsPrincipal();
            var account = granted.GetClaim(CallerClaims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (account is null || account.IsServiceAccount || !await signIn.CanSignInAsync(account)
                || await users.IsLockedOutAsync(account))
                return AuthorizeEndpoint.Forbid(Errors.InvalidGrant, "The token is no longer valid.");
            var principal = await AccountClaims.BuildAsync(users, account, account.Id, [.. granted.GetScopes()]);
            return SignIn(principal);
        }

        return AuthorizeEndpoint.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
