using Microsoft.Extensions.Configuration;

namespace DecentWork.ServiceDefaults.Security;

/// <summary>
/// Where tokens come from and how their claims are named: the "Identity" configuration section.
/// Any OpenID Connect provider will do (the platform's own identity service, Entra ID, Keycloak):
/// the services need only its discovery document, an audience and the claim names below.
/// </summary>
public sealed record IdentitySettings(
    Uri Authority,
    IReadOnlyList<string> Audiences,
    bool RequireHttpsMetadata,
    TimeSpan ClockSkew,
    ClaimNames Claims)
{
    public const string Section = "Identity";

    /// <summary>The audience of one service's API, e.g. "decentwork-programming".</summary>
    public static string AudienceOf(string serviceName) => $"decentwork-{serviceName}";

    public static IdentitySettings From(IConfiguration configuration, IReadOnlyList<string> defaultAudiences)
    {
        var section = configuration.GetSection(Section);
        var authority = section["Authority"];
        if (string.IsNullOrWhiteSpace(authority) || !Uri.TryCreate(authority, UriKind.Absolute, out var uri))
            throw new InvalidOperationException(
                "Identity:Authority must name the OpenID Connect provider (e.g. http://127.0.0.1:5185/); without it no call could be authenticated.");
        var audiences = section.GetSection("Audiences").Get<string[]>() is { Length: > 0 } configured ? configured : defaultAudiences;
        return new IdentitySettings(
            uri,
            audiences,
            // Plain http is tolerated for a provider on this machine only, unless configured otherwise.
            section.GetValue<bool?>("RequireHttpsMetadata") ?? !uri.IsLoopback,
            TimeSpan.FromSeconds(section.GetValue("ClockSkewSeconds", 30)),
            ClaimNames.From(section.GetSection("Claims")));
    }
}

/// <summary>
/// The claim types the services read. Defaults are the identity service's names; for another
/// provider map them here (e.g. Entra ID sends roles as "roles").
/// </summary>
public sealed record ClaimNames(string Subject, string Name, string Role, string Country, string Partner, string ConstituentGroup)
{
    public static ClaimNames From(IConfiguration section) => new(
        section["Subject"] ?? "sub",
        section["Name"] ?? "name",
        section["Role"] ?? "role",
        section["Country"] ?? "country",
        section["Partner"] ?? "partner",
        section["ConstituentGroup"] ?? "constituent_group");
}
