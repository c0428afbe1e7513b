using DecentWork.Portal.Auth;
using DecentWork.Portal.Components;
using DecentWork.Portal.Gateway;
using DecentWork.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;

namespace DecentWork.Portal;

/// <summary>
/// The staff portal: a Blazor Web App (interactive server rendering) that signs users in at the
/// identity provider (code + PKCE) and calls only the gateway's JSON API with the user's token.
/// </summary>
public static class PortalApp
{
    public const string ServiceName = "portal";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = PortalSettings.From(builder.Configuration);
        // MudBlazor's files come from the package folder when run from the build output (run.sh,
        // tests) in any environment; the publish output (images) has them in wwwroot and skips this.
        builder.WebHost.UseStaticWebAssets();
        builder.AddDecentWorkTelemetry(ServiceName);
        builder.Services.AddSingleton(settings);
        builder.Services.AddPortalAuthentication(settings);
        builder.Services.AddGatewayClient(settings);
        builder.Services.AddMudServices();
        builder.Services.AddHealthChecks();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Behind the gateway (YARP adds X-Forwarded-*): links and the OIDC redirect use the address the browser used.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto;
            if (!settings.TrustAllProxies) return;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });

        var app = builder.Build();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapDecentWorkHealth().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCsvDownloads();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
