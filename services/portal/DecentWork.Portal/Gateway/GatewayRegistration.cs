using DecentWork.Portal.Auth;

namespace DecentWork.Portal.Gateway;

public static class GatewayRegistration
{
    /// <summary>The one back end: the gateway's JSON API, each call with the user's token.</summary>
    public static IServiceCollection AddGatewayClient(this IServiceCollection services, PortalSettings settings)
    {
        services.AddTransient<GatewayTokenHandler>();
        services.AddHttpClient<GatewayClient>(http =>
        {
            http.BaseAddress = settings.Gateway;
            http.Timeout = TimeSpan.FromSeconds(30);
        }).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddHttpClient(CookieTokenRefresher.HttpClientName);
        return services;
    }
}
