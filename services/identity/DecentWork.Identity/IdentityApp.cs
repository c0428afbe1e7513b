using DecentWork.Identity.Claims;
using DecentWork.Identity.Data;
using DecentWork.Identity.Endpoints;
using DecentWork.Identity.Keys;
using DecentWork.Identity.Seeding;
using DecentWork.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DecentWork.Identity;

/// <summary>Composition of the identity provider; tests build it the same way Program.cs does.</summary>
public static class IdentityApp
{
    public const string ServiceName = "identity";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Only the "Http" (HTTP/1.1) endpoint is configured; the shared loader ignores the absent "Grpc" one.
        builder.WebHost.ConfigureKestrel(ServiceHost.ConfigureListeners);
        builder.AddDecentWorkTelemetry(ServiceName);
        var settings = IdentitySettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        PrivateFile.CreateFolder(settings.DataFolder);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddHostedService<IdentityStartup>();
        builder.Services.AddHealthChecks().AddCheck<IdentityHealthCheck>("identity-db");

        builder.Services.AddDbContext<IdentityDb>(db =>
        {
            db.UseSqlite($"Data Source={settings.DatabasePath}");
            db.UseOpenIddict();
        });
        AddAccounts(builder.Services, settings);
        AddOpenIddictServer(builder.Services, settings);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapLoginPage();
        app.MapAuthorizeEndpoint();
        app.MapTokenEndpoint();
        app.MapEndSessionEndpoint();
        app.MapGet("/", () => Results.Text("DecentWork identity provider."));
        app.MapDecentWorkHealth();
        return app;
    }

    private static void AddAccounts(IServiceCollection services, IdentitySettings settings)
    {
        services.AddIdentity<Account, IdentityRole>(identity =>
            {
                identity.Lockout.MaxFailedAccessAttempts = settings.MaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = settings.LockoutDuration;
                identity.Lockout.AllowedForNewUsers = true;
                // Length over composition rules (NIST SP 800-63B).
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPage.Path;
            cookie.Cookie.Name = "decentwork.identity";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "decentwork.antiforgery");
        // Cookies and antiforgery tokens survive a restart.
        services.AddDataProtection()
            .SetApplicationName("decentwork-identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.KeysFolder, "data-protection")));
    }

    private static void AddOpenIddictServer(IServiceCollection services, IdentitySettings settings)
    {
        var now = DateTimeOffset.UtcNow;
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetEndSessionEndpointUris("connect/endsession");
                server.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RequireProofKeyForCodeExchange();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, .. ApiScopes.Resources.Keys]);
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                server.SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                // The newest key is registered first: OpenIddict signs and encrypts with the first one.
                foreach (var key in KeyRing.Load(settings.KeysFolder, "signing", settings.SigningKeyRotation, now))
                    server.AddSigningKey(key);
                foreach (var key in KeyRing.Load(settings.KeysFolder, "encryption", settings.SigningKeyRotation, now))
                    server.AddEncryptionKey(key);
                // Plain signed JWTs, so every service validates them with standard JWT bearer.
                server.DisableAccessTokenEncryption();
                if (settings.Issuer is { } issuer) server.SetIssuer(issuer);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                // Loopback development only: beyond it tokens must travel over TLS.
                if (settings.AllowHttp) aspNetCore.DisableTransportSecurityRequirement();
            });
    }
}
