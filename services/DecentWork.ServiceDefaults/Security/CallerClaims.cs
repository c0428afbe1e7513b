using System.Security.Claims;

namespace DecentWork.ServiceDefaults.Security;

/// <summary>
/// Copies a validated token's claims into one identity with fixed claim types, mapped through
/// <see cref="ClaimNames"/>. Everything downstream (policies, <see cref="Caller"/>) reads these, so
/// switching provider is a configuration change only.
/// </summary>
public static class CallerClaims
{
    public const string AuthenticationType = "decentwork";
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Country = "country";
    public const string Partner = "partner";
    public const string ConstituentGroup = "constituent_group";

    /// <summary>The identity <see cref="Canonical"/> added to a validated caller; null for an anonymous one.</summary>
    public static ClaimsIdentity? Of(ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.AuthenticationType == AuthenticationType);

    public static ClaimsIdentity Canonical(ClaimsPrincipal validated, ClaimNames names)
    {
        var claims = validated.Claims.ToList();
        IEnumerable<Claim> Map(string from, string to) =>
            claims.Where(c => c.Type == from).Select(c => new Claim(to, c.Value));
        return new ClaimsIdentity(
            Map(names.Subject, Subject)
                .Concat(Map(names.Name, Name).Take(1))
                .Concat(Map(names.Role, Role))
                .Concat(Map(names.Country, Country))
                .Concat(Map(names.Partner, Partner).Take(1))
                .Concat(Map(names.ConstituentGroup, ConstituentGroup).Take(1)),
            AuthenticationType, Name, Role);
    }
}
