using System.Security.Cryptography;

namespace DecentWork.Identity.Tests;

/// <summary>Secrets and passwords for test accounts, made at run time so none is written in the repository.</summary>
public static class TestSecrets
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A new random secret, long enough for the identity service's password rule.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, 32);
}
