using System.Security.Cryptography;
using System.Text.Json;
using DecentWork.Identity.Claims;
using DecentWork.Identity.Keys;
using DecentWork.ServiceDefaults.Security;

namespace DecentWork.Identity.Seeding;

/// <summary>
/// One account of every role for local runs ("Identity:DemoAccounts"). Secrets are random on
/// first start and kept in demo-credentials.json (mode 600) beside the database, so later starts
/// reuse them and deploy/scripts/token.sh can read them. Never for a shared deployment.
/// </summary>
public static class DemoAccounts
{
    public const string PortalRedirectUri = "http://127.0.0.1:5090/signin-oidc";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The web portal's client id (services/portal); "portal" stays for deploy/scripts/token.sh.</summary>
    public const string WebPortalClientId = "decentwork-portal";

    /// <summary>Where the web portal is reached when "Identity:PortalUrls" is not configured: directly and through the gateway.</summary>
    public static readonly string[] DefaultPortalUrls = ["http://127.0.0.1:5090", "http://127.0.0.1:5080"];

    public static IdentitySeed Load(string credentialsPath, IReadOnlyList<string>? portalUrls = null)
    {
        var saved = File.Exists(credentialsPath)
            ? JsonSerializer.Deserialize<DemoCredentials>(File.ReadAllText(credentialsPath), Json)!.Accounts.ToDictionary(a => a.Id)
            : [];
        var entries = Clients().Select(c => Entry("client", c.ClientId, c, saved))
            .Concat(Users().Select(u => Entry("user", u.UserName, u, saved)))
            .ToList();
        if (entries.Count != saved.Count || entries.Any(e => !saved.ContainsKey(e.Id)))
            PrivateFile.WriteAllText(credentialsPath, JsonSerializer.Serialize(new DemoCredentials(entries), Json));

        var secrets = entries.ToDictionary(e => e.Id, e => (e.Secret ?? e.Password)!);
        var seed = new IdentitySeed { Clients = Clients(), Users = Users(), PublicClients = [Portal(), WebPortal(portalUrls is { Count: > 0 } ? portalUrls : DefaultPortalUrls)] };
        foreach (var client in seed.Clients) client.ClientSecret = secrets[client.ClientId];
        foreach (var user in seed.Users) user.Password = secrets[user.UserName];
        return seed;
    }

    private static DemoCredential Entry(string kind, string id, SeedAccount account, Dictionary<string, DemoCredential> saved)
    {
        var secret = saved.TryGetValue(id, out var old) ? (old.Secret ?? old.Password)! : NewSecret();
        return new DemoCredential(kind, id, kind == "client" ? secret : null, kind == "user" ? secret : null,
            account.Roles, account.Countries, account.Partner, account.ConstituentGroup);
    }

    private static string NewSecret() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 32);

    private static List<SeedClient> Clients() =>
    [
        Client("demo-loader", "Demo data loader", [Roles.ProgrammeStaff, Roles.TrainingCentre, Roles.UnCoordination]),
        Client("eu-agency", "European Union (partner agency)", [Roles.Partner], partner: "European Union"),
        Client("auditor-system", "Audit system", [Roles.Auditor]),
        Client("ops-monitor", "Operations monitor", [Roles.Operations]),
        // The loader reviews what it drafted as someone else (separation of duties) and collects
        // the constituents' signatures of the paper's programmes in every country it loads.
        Client("demo-qa-reviewer", "Demo QA reviewer", [Roles.QaReviewer]),
        .. new[] { "government", "employers", "workers" }.Select(group => new SeedClient
        {
            ClientId = $"demo-constituent-{group}",
            DisplayName = $"Demo constituents ({group})",
            Roles = [Roles.Constituent],
            // A stand-in for one account per country and group, which a real deployment has.
            Countries = [.. ServiceDefaults.Reference.Countries.ByCode.Keys.Order(StringComparer.Ordinal)],
            ConstituentGroup = group,
        }),
    ];

    private static List<SeedUser> Users() =>
    [
        User("hq.programme", "HQ programme officer", Roles.ProgrammeStaff),
        User("qa.africa", "QA reviewer, Africa", Roles.QaReviewer),
        User("kh.office", "Cambodia country office", Roles.CountryOffice, "KHM"),
        User("tz.office", "Tanzania country office", Roles.CountryOffice, "TZA"),
        User("tz.government", "Tanzania government", Roles.Constituent, "TZA", "government"),
        User("tz.employers", "Tanzania employers", Roles.Constituent, "TZA", "employers"),
        User("tz.workers", "Tanzania workers", Roles.Constituent, "TZA", "workers"),
        User("kh.government", "Cambodia government", Roles.Constituent, "KHM", "government"),
        User("kh.employers", "Cambodia employers", Roles.Constituent, "KHM", "employers"),
        User("kh.workers", "Cambodia workers", Roles.Constituent, "KHM", "workers"),
        User("turin.centre", "Turin Centre", Roles.TrainingCentre),
        User("un.coordination", "UN coordination", Roles.UnCoordination),
        User("auditor", "Auditor", Roles.Auditor),
        User("operations", "Operations", Roles.Operations),
    ];

    private static SeedPublicClient Portal() => new()
    {
        ClientId = "portal",
        DisplayName = "DecentWork portal",
        RedirectUris = [PortalRedirectUri],
        PostLogoutRedirectUris = ["http://127.0.0.1:5090/"],
    };

    // The portal's redirect URIs follow where it is deployed (each base URL + the OIDC handler's paths).
    private static SeedPublicClient WebPortal(IReadOnlyList<string> baseUrls) => new()
    {
        ClientId = WebPortalClientId,
        DisplayName = "DecentWork portal (web)",
        RedirectUris = [.. baseUrls.Select(url => url.TrimEnd('/') + "/signin-oidc")],
        PostLogoutRedirectUris = [.. baseUrls.Select(url => url.TrimEnd('/') + "/signout-callback-oidc")],
    };

    private static SeedClient Client(string id, string name, List<string> roles, string? partner = null) =>
        new() { ClientId = id, DisplayName = name, Roles = roles, Partner = partner };

    private static SeedUser User(string id, string name, string role, string? country = null, string? group = null) =>
        new() { UserName = id, DisplayName = name, Roles = [role], Countries = country is null ? [] : [country], ConstituentGroup = group };
}

/// <summary>The shape of demo-credentials.json.</summary>
public sealed record DemoCredentials(List<DemoCredential> Accounts);

/// <summary>One demo caller: kind "client" (with secret) or "user" (with password).</summary>
public sealed record DemoCredential(
    string Kind, string Id, string? Secret, string? Password,
    List<string> Roles, List<string> Countries, string? Partner, string? ConstituentGroup);
