using System.Text.Json;

namespace DecentWork.Identity.Tests;

/// <summary>One identity provider shared by a test class, seeded from a seed file and from configuration.</summary>
public sealed class SeededIdentity : IAsyncLifetime
{
    public static readonly string LoaderSecret = TestSecrets.New();
    public static readonly string UserPassword = TestSecrets.New();
    public static readonly string LockedPassword = TestSecrets.New();
    public static readonly string EuSecret = TestSecrets.New();

    private readonly string _seedFile = Path.Combine(Path.GetTempPath(), $"identity-seed-{Guid.NewGuid():N}.json");
    private IdentityInstance? _instance;

    public IdentityInstance Instance => _instance ?? throw new InvalidOperationException("not started");

    public static object Seed => new
    {
        clients = new object[]
        {
            new { clientId = "test-loader", clientSecret = LoaderSecret, displayName = "Test loader",
                  roles = new[] { "programme-staff", "training-centre" }, countries = Array.Empty<string>() },
        },
        users = new object[]
        {
            new { userName = "tz.gov", password = UserPassword, displayName = "Tanzania government",
                  roles = new[] { "constituent" }, countries = new[] { "tza" }, constituentGroup = "government" },
            new { userName = "lock.me", password = LockedPassword, displayName = "Lock me", roles = new[] { "auditor" } },
        },
        publicClients = new object[]
        {
            new { clientId = PortalBrowser.ClientId, displayName = "Portal", redirectUris = new[] { PortalBrowser.RedirectUri },
                  postLogoutRedirectUris = new[] { "http://127.0.0.1:5090/" } },
        },
    };

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_seedFile, JsonSerializer.Serialize(Seed));
        _instance = await IdentityInstance.StartAsync(new Dictionary<string, string>
        {
            ["Identity:SeedFile"] = _seedFile,
            ["Identity:Seed:Clients:0:ClientId"] = "test-eu",
            ["Identity:Seed:Clients:0:ClientSecret"] = EuSecret,
            ["Identity:Seed:Clients:0:DisplayName"] = "European Union",
            ["Identity:Seed:Clients:0:Roles:0"] = "partner",
            ["Identity:Seed:Clients:0:Partner"] = "European Union",
        });
    }

    public async Task DisposeAsync()
    {
        if (_instance is not null) await _instance.DisposeAsync();
        File.Delete(_seedFile);
    }
}
