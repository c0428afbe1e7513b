namespace DecentWork.Identity.Tests;

/// <summary>A small seed given as configuration (Identity:Seed), the way a deployment's settings would.</summary>
public static class TestSeed
{
    public static readonly string ClientSecret = TestSecrets.New();
    public static readonly string Password = TestSecrets.New();

    public static Dictionary<string, string> Settings() => new()
    {
        ["Identity:Seed:Clients:0:ClientId"] = "config-client",
        ["Identity:Seed:Clients:0:ClientSecret"] = ClientSecret,
        ["Identity:Seed:Clients:0:DisplayName"] = "Config client",
        ["Identity:Seed:Clients:0:Roles:0"] = "auditor",
        ["Identity:Seed:Clients:0:Countries:0"] = "KHM",
        ["Identity:Seed:Users:0:UserName"] = "config.user",
        ["Identity:Seed:Users:0:Password"] = Password,
        ["Identity:Seed:Users:0:DisplayName"] = "Config user",
        ["Identity:Seed:Users:0:Roles:0"] = "qa-reviewer",
        ["Identity:Seed:PublicClients:0:ClientId"] = PortalBrowser.ClientId,
        ["Identity:Seed:PublicClients:0:DisplayName"] = "Portal",
        ["Identity:Seed:PublicClients:0:RedirectUris:0"] = PortalBrowser.RedirectUri,
    };
}
