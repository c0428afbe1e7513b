using DecentWork.Identity.Claims;
using DecentWork.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace DecentWork.Identity.Endpoints;

/// <summary>
/// /connect/authorize after OpenIddict has validated the request (client, redirect URI, PKCE):
/// an anonymous browser is sent to the login page and comes back here; a signed-in one gets a
/// code for its account's claims. No consent screen: the only public client is our own portal.
/// </summary>
public static class AuthorizeEndpoint
{
    public static void MapAuthorizeEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context, UserManager<Account> users)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict authorization request is missing.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (account is null || account.IsServiceAccount || request.HasPromptValue(OpenIddictConstants.PromptValues.Login))
        {
            if (request.HasPromptValue(OpenIddictConstants.PromptValues.None))
                return Forbid(OpenIddictConstants.Errors.LoginRequired, "The user is not signed in.");
            var query = context.Request.HasFormContentType
                ? QueryString.Create(context.Request.Form.Where(p => p.Key != "prompt"))
                : QueryString.Create(context.Request.Query.Where(p => p.Key != "prompt"));
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + query },
                [IdentityConstants.ApplicationScheme]);
        }

        var principal = await AccountClaims.BuildAsync(users, account, account.Id, ApiScopes.Grant(request.GetScopes()));
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
