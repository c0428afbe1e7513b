using DecentWork.ServiceDefaults.Security;

namespace DecentWork.Identity.Claims;

/// <summary>
/// What an account's seed may set beyond the shared <see cref="Roles"/> and <see cref="CallerClaims"/>
/// names, which are the contract another provider in production must emit (or be mapped to).
/// </summary>
public static class SeededClaims
{
    /// <summary>The user-claim types an account's seed sets; other user claims are left alone.</summary>
    public static readonly string[] Types = [CallerClaims.Role, CallerClaims.Country, CallerClaims.Partner, CallerClaims.ConstituentGroup];

    /// <summary>The only constituent groups a seed may name; another one fails at start-up.</summary>
    public static readonly IReadOnlySet<string> ConstituentGroups = new HashSet<string>(StringComparer.Ordinal)
    {
        "government", "employers", "workers",
    };
}
