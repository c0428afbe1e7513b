namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Client-chosen request ids on create RPCs (Google AIP-155), one rule for every service: a retried
/// call with the same id returns what the first call created. Stored under a key that is unique
/// across the collection ("request:{id}"); records created without one get a key of their own.
/// </summary>
public static class RequestIds
{
    public const int MaxLength = 64;
    public const string Rule = "1-64 characters of letters, digits, '-', '_', '.' and ':'";

    /// <summary>Compared exactly (both stores compare strings ordinally): "A1" and "a1" are different ids.</summary>
    public static bool IsValid(string requestId) =>
        requestId.Length is >= 1 and <= MaxLength && requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>The store key of a request id a client gave (not empty).</summary>
    public static string KeyOf(string requestId) => $"request:{requestId}";

    /// <summary>
    /// The id a record created with this request id always gets: a name-based UUID of the kind and the
    /// id. The store's primary key then lets only one of two racing calls be stored, with no index of
    /// its own and nothing to backfill on records created before (they keep their random ids).
    /// </summary>
    public static Guid IdOf(string kind, string requestId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{kind}:{KeyOf(requestId)}")).AsSpan(0, 16));

    /// <summary>An optional request id: empty is fine, anything else must follow <see cref="Rule"/>.</summary>
    public static void CheckOptionalRequestId(this FieldViolations violations, string requestId, string field = "request_id") =>
        violations.Check(requestId.Length > 0 && !IsValid(requestId), field, $"must be {Rule} when set");
}
