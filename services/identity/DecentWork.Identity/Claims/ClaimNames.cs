namespace DecentWork.Identity.Claims;

/// <summary>
/// The claim names the four services read from access tokens. They are a contract: another
/// provider in production must emit (or be mapped to) the same names.
/// </summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Country = "country";
    public const string Partner = "partner";
    public const string ConstituentGroup = "constituent_group";

    /// <summary>The user-claim types an account's seed sets; other user claims are left alone.</summary>
    public static readonly string[] SeededTypes = [Role, Country, Partner, ConstituentGroup];
}
