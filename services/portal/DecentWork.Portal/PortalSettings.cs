namespace DecentWork.Portal;

/// <summary>The portal's settings ("Portal" section): where the gateway and the identity provider are.</summary>
public sealed record PortalSettings(Uri Gateway, Uri Authority, string ClientId, bool AllowHttp)
{
    public const string DefaultClientId = "decentwork-portal";

    public static PortalSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Portal");
        return new PortalSettings(
            Gateway: new Uri(section["Gateway"] ?? "http://127.0.0.1:5080/", UriKind.Absolute),
            Authority: new Uri(section["Authority"] ?? "http://127.0.0.1:5185/", UriKind.Absolute),
            ClientId: section["ClientId"] is { Length: > 0 } id ? id : DefaultClientId,
            // Off unless configured: plain http to the identity provider is for loopback development only.
            AllowHttp: section.GetValue("AllowHttp", false));
    }
}
