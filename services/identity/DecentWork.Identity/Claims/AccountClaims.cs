using System.Security.Claims;
using DecentWork.Identity.Data;
using DecentWork.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DecentWork.Identity.Claims;

/// <summary>
/// Builds the principal a token is issued for, the same way for a person and for a client's
/// service account: only the claims in <see cref="CallerClaims"/>, never Identity's internal ones
/// (security stamp and the like).
/// </summary>
public static class AccountClaims
{
    public static async Task<ClaimsPrincipal> BuildAsync(
        UserManager<Account> users, Account account, string subject, IReadOnlyList<string> scopes)
    {
        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, CallerClaims.Name, CallerClaims.Role);
        identity.SetClaim(CallerClaims.Subject, subject);
        identity.SetClaim(CallerClaims.Name, account.DisplayName);
        foreach (var claim in await users.GetClaimsAsync(account))
            if (SeededClaims.Types.Contains(claim.Type)) identity.AddClaim(new Claim(claim.Type, claim.Value));

        identity.SetScopes(scopes);
        identity.SetResources(ApiScopes.ResourcesOf(scopes));
        // Id tokens exist only for people (openid scope); a client's token carries the same claims.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
