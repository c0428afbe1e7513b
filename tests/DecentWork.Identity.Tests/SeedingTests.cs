using System.Text.Json;
using DecentWork.Identity.Data;
using DecentWork.Identity.Seeding;
using DecentWork.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace DecentWork.Identity.Tests;

public sealed class SeedingTests
{
    [Fact]
    public async Task Seed_WhenRunAgainUnchanged_CreatesNothingTwice()
    {
        await using var identity = await IdentityInstance.StartAsync(TestSeed.Settings());
        await identity.RestartAsync();

        await using var scope = identity.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        Assert.Equal(2, await db.Users.CountAsync());
        // config-client: auditor, KHM; config.user: qa-reviewer.
        Assert.Equal(3, await db.UserClaims.CountAsync(c => c.ClaimType == "role" || c.ClaimType == "country"));
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CountAsync());
        var token = Tokens.Read(await Tokens.AccessTokenAsync(identity.Http, "config-client", TestSeed.ClientSecret));
        Assert.Equal(["auditor"], Tokens.Values(token, "role"));
    }

    [Fact]
    public async Task Seed_WhenValuesChange_UpdatesSecretRolesAndClaims()
    {
        await using var identity = await IdentityInstance.StartAsync(TestSeed.Settings());
        await identity.StopAsync();
        var changedSecret = TestSecrets.New();
        identity.Settings["Identity:Seed:Clients:0:ClientSecret"] = changedSecret;
        identity.Settings["Identity:Seed:Clients:0:Roles:0"] = "operations";
        identity.Settings["Identity:Seed:Clients:0:Countries:0"] = "TZA";
        await identity.StartAsync();

        var (_, refused) = await Tokens.PostAsync(identity.Http,
            ("grant_type", "client_credentials"), ("client_id", "config-client"), ("client_secret", TestSeed.ClientSecret));
        Assert.Equal("invalid_client", refused.GetProperty("error").GetString());
        var token = Tokens.Read(await Tokens.AccessTokenAsync(identity.Http, "config-client", changedSecret));
        Assert.Equal(["operations"], Tokens.Values(token, "role"));
        Assert.Equal(["TZA"], Tokens.Values(token, "country"));
    }

    [Fact]
    public async Task Seed_WhenPasswordChanges_OnlyTheNewOneSignsIn()
    {
        await using var identity = await IdentityInstance.StartAsync(TestSeed.Settings());
        await identity.StopAsync();
        identity.Settings["Identity:Seed:Users:0:Password"] = "a-brand-new-password";
        await identity.StartAsync();

        using var browser = new PortalBrowser(identity.Address);
        var old = await browser.LoginAsync("/account/login", "config.user", TestSeed.Password);
        Assert.Contains("Invalid user name or password.", await old.Content.ReadAsStringAsync());
        Assert.NotEmpty(await browser.SignInForCodeAsync("config.user", "a-brand-new-password"));
    }

    [Fact]
    public async Task Startup_WhenSeedNamesUnknownRole_Fails()
    {
        var settings = TestSeed.Settings();
        settings["Identity:Seed:Clients:0:Roles:0"] = "superuser";
        var error = await Assert.ThrowsAnyAsync<Exception>(() => IdentityInstance.StartAsync(settings));
        Assert.Contains("unknown roles", error.ToString());
    }

    [Fact]
    public async Task DemoAccounts_WhenEnabled_WritesCredentialsOnceAndReusesThem()
    {
        await using var identity = await IdentityInstance.StartAsync(new Dictionary<string, string> { ["Identity:DemoAccounts"] = "true" });
        var path = Path.Combine(identity.DataFolder, "demo-credentials.json");
        var first = await File.ReadAllTextAsync(path);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var accounts = JsonSerializer.Deserialize<DemoCredentials>(first, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Accounts;
        // 8 clients (the loader, its reviewer and three signing clients among them) and 14 people.
        Assert.Equal(22, accounts.Count);
        Assert.Equal(Roles.All.Order(), accounts.SelectMany(a => a.Roles).Distinct().Order());
        Assert.All(accounts, a => Assert.True((a.Secret ?? a.Password)!.Length >= 24));

        await identity.RestartAsync();

        Assert.Equal(first, await File.ReadAllTextAsync(path));
        var eu = accounts.Single(a => a.Id == "eu-agency");
        var token = Tokens.Read(await Tokens.AccessTokenAsync(identity.Http, eu.Id, eu.Secret!));
        Assert.Equal(["European Union"], Tokens.Values(token, "partner"));
        using var browser = new PortalBrowser(identity.Address);
        var workers = accounts.Single(a => a.Id == "kh.workers");
        var (_, body) = await browser.ExchangeAsync(await browser.SignInForCodeAsync(workers.Id, workers.Password!), browser.Verifier);
        var user = Tokens.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal(["workers"], Tokens.Values(user, "constituent_group"));
        Assert.Equal(["KHM"], Tokens.Values(user, "country"));
    }
}
