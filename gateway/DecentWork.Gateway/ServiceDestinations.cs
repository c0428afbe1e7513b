using Yarp.ReverseProxy.ServiceDiscovery;

namespace DecentWork.Gateway;

/// <summary>
/// Where each cluster's instances are. appsettings.json gives every cluster one destination,
/// "primary", plus a load-balancing policy and an active health check (GET /health over HTTP/2 on
/// each destination); more instances are more destinations in configuration
/// (ReverseProxy:Clusters:&lt;service&gt;:Destinations:&lt;name&gt;:Address). With
/// Gateway:DnsDestinations:Enabled a destination's host name is resolved to every address it has
/// (a Kubernetes headless Service answers with one address per ready pod) and re-resolved every
/// Gateway:DnsDestinations:RefreshSeconds, so each pod is balanced and probed on its own.
/// </summary>
public static class ServiceDestinations
{
    public static void AddProxy(IServiceCollection services, IConfigurationSection proxyConfig, IConfiguration configuration)
    {
        var proxy = services.AddReverseProxy().LoadFromConfig(proxyConfig);
        var dns = configuration.GetSection("Gateway:DnsDestinations");
        if (dns.GetValue<bool>("Enabled"))
            proxy.AddDnsDestinationResolver(options =>
                options.RefreshPeriod = TimeSpan.FromSeconds(dns.GetValue("RefreshSeconds", 15)));
    }

    /// <summary>Every configured destination address of one cluster (before any DNS expansion).</summary>
    public static IReadOnlyList<Uri> Addresses(IConfigurationSection cluster) =>
        cluster.GetSection("Destinations").GetChildren()
            .Select(destination => destination["Address"])
            .Where(address => !string.IsNullOrWhiteSpace(address))
            .Select(address => new Uri(address!))
            .ToList();
}
