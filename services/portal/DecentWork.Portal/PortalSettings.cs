namespace DecentWork.Portal;

/// <summary>The portal's settings ("Portal" section): where the gateway and the identity provider are.</summary>
public sealed record PortalSettings(Uri Gateway, Uri Authority, string ClientId, bool AllowHttp, Uri? BrowserAuthority, bool TrustAllProxies)
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
            AllowHttp: section.GetValue("AllowHttp", false),
            // Where browsers reach the identity provider when that differs from where the portal
            // does (docker-compose: http://identity:5185/ inside, http://127.0.0.1:5185/ outside).
            BrowserAuthority: section["BrowserAuthority"] is { Length: > 0 } browser ? new Uri(browser, UriKind.Absolute) : null,
            // Only where the portal is reachable through the gateway alone (compose, Kubernetes):
            // then X-Forwarded-Host from any address is the gateway's.
            TrustAllProxies: section.GetValue("TrustAllProxies", false));
    }
}
