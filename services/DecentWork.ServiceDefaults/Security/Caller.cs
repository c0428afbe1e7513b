using System.Security.Claims;
using Grpc.Core;

namespace DecentWork.ServiceDefaults.Security;

/// <summary>
/// Who is calling, as the validated token says: the only source of "who changed it" and of scope.
/// Built from the canonical claims <see cref="CallerClaims"/> writes at validation, whatever the
/// provider named them.
/// </summary>
public sealed record Caller(
    string Subject,
    string Name,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Countries,
    string? Partner,
    string? ConstituentGroup)
{
    public static Caller From(ServerCallContext context) => From(context.GetHttpContext().User);

    public static Caller From(ClaimsPrincipal user)
    {
        var identity = CallerClaims.Of(user)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The call carries no valid access token."));
        string? One(string type) => identity.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
        var subject = One(CallerClaims.Subject)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The access token names no subject."));
        return new Caller(
            subject,
            One(CallerClaims.Name) ?? subject,
            identity.FindAll(CallerClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            identity.FindAll(CallerClaims.Country).Select(c => c.Value.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            One(CallerClaims.Partner),
            One(CallerClaims.ConstituentGroup));
    }

    public bool HasRole(string role) => Roles.Contains(role);

    public bool HasAnyRole(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>"Name (subject)": how history entries and events record the author.</summary>
    public string Display => Name == Subject ? Subject : $"{Name} ({Subject})";

    /// <summary>
    /// The countries this caller may see, or null for all of them. Callers holding one of
    /// <paramref name="globalRoles"/> see every country; anyone else sees only the countries in
    /// their token (none when it names none), so an unscoped token never widens access.
    /// </summary>
    public IReadOnlySet<string>? CountryScope(params string[] globalRoles) =>
        HasAnyRole(globalRoles) ? null : Countries;

    /// <summary>True when <paramref name="countryCode"/> is inside <see cref="CountryScope"/>.</summary>
    public bool MaySeeCountry(string countryCode, params string[] globalRoles) =>
        CountryScope(globalRoles) is not { } scope || scope.Contains(countryCode.ToUpperInvariant());
}
