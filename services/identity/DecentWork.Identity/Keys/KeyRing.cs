using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace DecentWork.Identity.Keys;

/// <summary>
/// RSA 2048 keys of one purpose ("signing" or "encryption") kept as PEM files named
/// <c>&lt;purpose&gt;-&lt;yyyyMMddHHmmss&gt;.pem</c> (UTC creation time) in the keys folder.
/// When the newest key is older than the rotation period a new one is made; older keys stay
/// (published in JWKS, able to decrypt) until they are older than the period plus one day, so
/// tokens signed just before a rotation keep validating.
/// </summary>
public static class KeyRing
{
    private const string TimeFormat = "yyyyMMddHHmmss";
    private static readonly TimeSpan Overlap = TimeSpan.FromDays(1);

    /// <summary>The keys to register, newest first.</summary>
    public static IReadOnlyList<RsaSecurityKey> Load(string folder, string purpose, TimeSpan rotation, DateTimeOffset now)
    {
        PrivateFile.CreateFolder(folder);
        var keys = Files(folder, purpose).OrderByDescending(f => f.Created).ToList();
        if (keys.Count == 0 || now - keys[0].Created > rotation)
            keys.Insert(0, Create(folder, purpose, now));
        foreach (var expired in keys.Skip(1).Where(k => now - k.Created > rotation + Overlap).ToList())
        {
            File.Delete(expired.Path);
            keys.Remove(expired);
        }
        return keys.Select(k => Read(k.Path)).ToList();
    }

    private static IEnumerable<(string Path, DateTimeOffset Created)> Files(string folder, string purpose)
    {
        foreach (var path in Directory.EnumerateFiles(folder, $"{purpose}-*.pem"))
        {
            var stamp = Path.GetFileNameWithoutExtension(path)[(purpose.Length + 1)..];
            if (DateTime.TryParseExact(stamp, TimeFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created))
                yield return (path, new DateTimeOffset(created, TimeSpan.Zero));
        }
    }

    private static (string Path, DateTimeOffset Created) Create(string folder, string purpose, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(folder, $"{purpose}-{now.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}.pem");
        PrivateFile.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        return (path, now);
    }

    private static RsaSecurityKey Read(string path)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        // The kid comes from the key itself, not the file name, so it never changes for a key.
        var thumbprint = SHA256.HashData(rsa.ExportParameters(false).Modulus!);
        return new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(thumbprint[..16]) };
    }
}
