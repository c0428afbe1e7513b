using System.Security.Claims;
using DecentWork.ServiceDefaults.Security;

namespace DecentWork.Portal.Auth;

/// <summary>
/// What the signed-in user's roles allow, from the same policy → roles matrix the services
/// enforce: the portal offers only what the API would accept (the API still decides).
/// </summary>
public static class UserAccess
{
    public static bool Can(this ClaimsPrincipal user, string policy) =>
        AccessPolicies.Matrix.TryGetValue(policy, out var roles) && roles.Any(user.IsInRole);

    public static IReadOnlyList<string> Countries(this ClaimsPrincipal user) =>
        [.. user.FindAll("country").Select(c => c.Value)];
}
