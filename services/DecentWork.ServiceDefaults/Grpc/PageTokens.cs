using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Seals a sort key into an opaque page token: base64url of a format byte, the key and an
/// HMAC-SHA256 tag (first 16 bytes) over both. A caller cannot forge or alter a position, and the
/// service never parses anything it did not seal itself.
/// The key is Paging:TokenKey (base64, at least 32 bytes), the same for every instance of a service
/// so that page 2 may be served by another instance than page 1; it comes from configuration (a
/// Secret in Kubernetes) and is never committed. Without it each process draws a random key at
/// start-up: tokens then stay valid only within that process, and a token from before a restart
/// or from another instance is refused as INVALID_ARGUMENT (the client starts the list again).
/// </summary>
public static class PageTokens
{
    public const string KeySetting = "Paging:TokenKey";
    private const byte Format = 1;
    private const int TagBytes = 16;
    private const int MaxTokenLength = 2048;

    private static byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>Uses the configured key when there is one; called once by <c>ServiceHost.CreateBuilder</c>.</summary>
    public static void Configure(IConfiguration configuration)
    {
        if (configuration[KeySetting] is not { Length: > 0 } configured) return;
        var key = Convert.FromBase64String(configured);
        if (key.Length < 32) throw new InvalidOperationException($"{KeySetting} must hold at least 32 bytes (base64).");
        _key = key;
    }

    public static string Seal(string sortKey)
    {
        var body = new byte[1 + Encoding.UTF8.GetByteCount(sortKey)];
        body[0] = Format;
        Encoding.UTF8.GetBytes(sortKey, body.AsSpan(1));
        return Base64UrlEncode([.. body, .. Tag(body)]);
    }

    public static bool TryOpen(string token, out string? sortKey)
    {
        sortKey = null;
        if (token.Length > MaxTokenLength || !TryBase64UrlDecode(token, out var bytes) || bytes.Length <= 1 + TagBytes) return false;
        var body = bytes.AsSpan(0, bytes.Length - TagBytes);
        if (body[0] != Format || !CryptographicOperations.FixedTimeEquals(Tag(body), bytes.AsSpan(bytes.Length - TagBytes))) return false;
        sortKey = Encoding.UTF8.GetString(body[1..]);
        return true;
    }

    private static byte[] Tag(ReadOnlySpan<byte> body) => HMACSHA256.HashData(_key, body)[..TagBytes];

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryBase64UrlDecode(string token, out byte[] bytes)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written)) return false;
        bytes = bytes[..written];
        return true;
    }
}
