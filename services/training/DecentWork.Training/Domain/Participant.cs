using System.Text.RegularExpressions;

namespace DecentWork.Training.Domain;

/// <summary>Who applies for an edition, as the application gives it (validated by the gRPC layer).</summary>
public sealed record Participant(string Name, Sex Sex, string CountryCode, ConstituentGroup Group, string Organisation, string Email)
{
    public const int MaxNameLength = 200;

    public static bool IsValidText(string? text) => text?.Trim() is { Length: >= 1 and <= MaxNameLength };

    /// <summary>A loose check: something@something.something, no blanks; empty is allowed.</summary>
    public static bool IsValidEmail(string? email) =>
        string.IsNullOrEmpty(email) || (email.Length <= 254 && Regex.IsMatch(email, @"^[^@\s]+@[^@\s]+\.[^@\s]+$"));

    /// <summary>
    /// How the centre recognises one person without a person registry: the name and organisation
    /// ignoring case and runs of blanks, plus the country. "Jane  Banda" of "ZFE" in
    /// ZMB is "jane banda" of "zfe" in ZMB. The e-mail, when given, identifies the person too
    /// (see <see cref="EmailKey"/>), so a changed spelling with the same address is still caught.
    /// </summary>
    public string IdentityKey() => $"{Normalise(Name)}|{CountryCode.ToUpperInvariant()}|{Normalise(Organisation)}";

    /// <summary>The lower-case e-mail, or "" when none was given.</summary>
    public string EmailKey() => Email.Trim().ToLowerInvariant();

    private static string Normalise(string text) => Regex.Replace(text.Trim(), @"\s+", " ").ToLowerInvariant();
}
