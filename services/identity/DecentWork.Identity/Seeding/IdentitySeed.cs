namespace DecentWork.Identity.Seeding;

/// <summary>
/// Accounts and clients to create or update at start-up, from configuration "Identity:Seed"
/// and the JSON file at "Identity:SeedFile" (camelCase, same names). Seeding is an upsert:
/// secrets, passwords, roles and claims become the seed's values.
/// </summary>
public sealed class IdentitySeed
{
    public List<SeedClient> Clients { get; set; } = [];
    public List<SeedUser> Users { get; set; } = [];
    public List<SeedPublicClient> PublicClients { get; set; } = [];
}

/// <summary>What a caller is entitled to: the claims its tokens carry.</summary>
public abstract class SeedAccount
{
    public string DisplayName { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public string? Partner { get; set; }
    public string? ConstituentGroup { get; set; }
}

/// <summary>A confidential client using client credentials; its service account has UserName = ClientId.</summary>
public sealed class SeedClient : SeedAccount
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
}

/// <summary>A person who signs in on the login page.</summary>
public sealed class SeedUser : SeedAccount
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>A public client (the portal): authorization code with PKCE and refresh tokens, no secret.</summary>
public sealed class SeedPublicClient
{
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    /// <summary>
    /// This client's access-token lifetime, when it differs from the provider's (e.g. "00:00:20"
    /// where a test must see a token expire in an open page); unset uses the provider's.
    /// </summary>
    public TimeSpan? AccessTokenLifetime { get; set; }
}
