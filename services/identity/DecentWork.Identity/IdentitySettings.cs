namespace DecentWork.Identity;

/// <summary>The identity provider's settings, read once from the "Identity" configuration section.</summary>
public sealed record IdentitySettings(
    string DataFolder,
    Uri? Issuer,
    bool AllowHttp,
    TimeSpan AccessTokenLifetime,
    TimeSpan RefreshTokenLifetime,
    TimeSpan SigningKeyRotation,
    int MaxFailedAttempts,
    TimeSpan LockoutDuration,
    bool DemoAccounts,
    string? SeedFile)
{
    public string DatabasePath => Path.Combine(DataFolder, "identity.db");
    public string KeysFolder => Path.Combine(DataFolder, "keys");
    public string DemoCredentialsPath => Path.Combine(DataFolder, "demo-credentials.json");

    public static IdentitySettings From(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Identity");
        var issuer = section["Issuer"];
        return new IdentitySettings(
            DataFolder: Path.GetFullPath(section["DataFolder"] ?? Path.Combine("data", "identity"), contentRoot),
            Issuer: string.IsNullOrWhiteSpace(issuer) ? null : new Uri(issuer, UriKind.Absolute),
            // Off unless configured: plain http is for loopback development only.
            AllowHttp: section.GetValue("AllowHttp", false),
            AccessTokenLifetime: TimeSpan.FromMinutes(section.GetValue("AccessTokenLifetimeMinutes", 10)),
            // Shorter than the one day an old signing key stays published after rotation, so no
            // live refresh token can outlive the key that signed it (each refresh re-signs with the newest).
            RefreshTokenLifetime: TimeSpan.FromHours(section.GetValue("RefreshTokenLifetimeHours", 8)),
            SigningKeyRotation: TimeSpan.FromDays(section.GetValue("SigningKeyRotationDays", 90.0)),
            MaxFailedAttempts: section.GetValue("Lockout:MaxFailedAttempts", 5),
            LockoutDuration: TimeSpan.FromMinutes(section.GetValue("Lockout:DurationMinutes", 15)),
            DemoAccounts: section.GetValue("DemoAccounts", false),
            SeedFile: section["SeedFile"]);
    }
}
