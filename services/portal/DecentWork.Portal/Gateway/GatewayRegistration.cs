using DecentWork.Portal.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DecentWork.Portal.Gateway;

public static class GatewayRegistration
{
    /// <summary>The one back end: the gateway's JSON API, each call with the user's token.</summary>
    public static IServiceCollection AddGatewayClient(this IServiceCollection services, PortalSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenRefresher>();
        // Scoped: one per circuit (an open page), so a token renewed there serves the rest of that page.
        services.AddScoped<CircuitTokens>();
        services.AddHttpClient<GatewayClient>(http =>
        {
            http.BaseAddress = settings.Gateway;
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddHttpClient(TokenRefresher.HttpClientName);
        return services;
    }
}
