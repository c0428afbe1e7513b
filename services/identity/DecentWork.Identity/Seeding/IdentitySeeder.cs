using System.Globalization;
using DecentWork.Identity.Claims;
using DecentWork.Identity.Data;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DecentWork.Identity.Seeding;

/// <summary>
/// The one code path that creates or updates clients and accounts: start-up seeding, the demo
/// accounts and tests creating a client at run time all go through here. Idempotent.
/// </summary>
public static class IdentitySeeder
{
    public static async Task SeedAsync(IServiceProvider services, IdentitySeed seed)
    {
        foreach (var client in seed.Clients) await EnsureClientAsync(services, client);
        foreach (var user in seed.Users) await EnsureUserAsync(services, user);
        foreach (var client in seed.PublicClients) await EnsurePublicClientAsync(services, client);
    }

    /// <summary>A confidential client (client credentials only) and its service account.</summary>
    public static async Task EnsureClientAsync(IServiceProvider services, SeedClient client)
    {
        Require(client.ClientId, "clientId");
        Require(client.ClientSecret, "clientSecret");
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await AccountSeeder.UpsertAsync(users, client.ClientId, client, serviceAccount: true, password: null);

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
                Permissions.GrantTypes.ClientCredentials,
            },
        };
        AddApiScopes(descriptor);
        await UpsertApplicationAsync(scope.ServiceProvider, descriptor);
    }

    public static async Task EnsureUserAsync(IServiceProvider services, SeedUser user)
    {
        Require(user.UserName, "userName");
        Require(user.Password, "password");
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await AccountSeeder.UpsertAsync(users, user.UserName, user, serviceAccount: false, user.Password);
    }

    /// <summary>A public client: authorization code with PKCE required, refresh tokens, no secret.</summary>
    public static async Task EnsurePublicClientAsync(IServiceProvider services, SeedPublicClient client)
    {
        Require(client.ClientId, "clientId");
        await using var scope = services.CreateAsyncScope();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientType = ClientTypes.Public,
            // A first-party portal: no consent screen.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        // OpenIddict's per-client token lifetime (application settings), a TimeSpan in invariant "c" form.
        if (client.AccessTokenLifetime is { } lifetime)
            descriptor.Settings[OpenIddictConstants.Settings.TokenLifetimes.AccessToken] = lifetime.ToString("c", CultureInfo.InvariantCulture);
        AddApiScopes(descriptor);
        await UpsertApplicationAsync(scope.ServiceProvider, descriptor);
    }

    private static void AddApiScopes(OpenIddictApplicationDescriptor descriptor)
    {
        foreach (var scope in ApiScopes.Resources.Keys) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
    }

    private static async Task UpsertApplicationAsync(IServiceProvider services, OpenIddictApplicationDescriptor descriptor)
    {
        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await manager.FindByClientIdAsync(descriptor.ClientId!);
        if (existing is null) await manager.CreateAsync(descriptor);
        else await manager.UpdateAsync(existing, descriptor);
    }

    /// <summary>The four API scopes, each standing for its resource (audience).</summary>
    public static async Task EnsureScopesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        foreach (var (name, resource) in ApiScopes.Resources)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = name, DisplayName = name, Resources = { resource } };
            var existing = await manager.FindByNameAsync(name);
            if (existing is null) await manager.CreateAsync(descriptor);
            else await manager.UpdateAsync(existing, descriptor);
        }
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidOperationException($"A seed entry has no {field}.");
    }
}
