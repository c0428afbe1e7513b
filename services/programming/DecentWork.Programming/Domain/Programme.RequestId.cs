using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Programming.Domain;

/// <summary>
/// Retry safety (Google AIP-155), as partnerships does for funding approvals. Drafts may overlap,
/// so nothing natural tells a retried registration from a new one: a partner agency or the portal
/// whose call timed out would register a second draft. The client names each registration with a
/// request id instead; a repeat of the same request returns the programme the first call registered.
/// </summary>
public sealed partial class Programme
{
    public const string RequestIdRule = RequestIds.Rule;

    /// <summary>The client's request id; empty when it gave none.</summary>
    public string RequestId { get; private set; } = "";

    /// <summary>
    /// Unique across all programmes (a unique store index), so two calls racing with one request id
    /// cannot both be stored: "request:{id}" when the client gave one, "programme:{id}" otherwise,
    /// so programmes without a request id never share a value. Empty only on programmes stored
    /// before request ids existed, until <see cref="BackfillRequestKey"/> gives them theirs.
    /// </summary>
    public string RequestKey { get; private set; } = "";

    /// <summary>The store key of a request id given by a client (not empty).</summary>
    public static string KeyOfRequest(string requestId) => RequestIds.KeyOf(requestId);

    public static string RequestKeyFor(string requestId, Guid programmeId) =>
        requestId.Length > 0 ? KeyOfRequest(requestId) : $"programme:{programmeId:N}";

    /// <summary>The platform's one request-id format (<see cref="RequestIds"/>).</summary>
    public static bool IsValidRequestId(string requestId) => RequestIds.IsValid(requestId);

    /// <summary>
    /// Whether a request with these values is a repeat of the one that registered this programme:
    /// the same country, title (trimmed, as registration stores it; case counts) and period. Who
    /// registered it, when, and anything changed since are not content: a repeat after the draft
    /// was worked on, or even approved, still names this programme.
    /// </summary>
    public bool Repeats(Country country, string title, DateOnly periodStart, DateOnly periodEnd) =>
        CountryCode == country.Code && Title == title.Trim() && PeriodStart == periodStart && PeriodEnd == periodEnd;

    /// <summary>
    /// The answer to a request that reuses this programme's request id: this programme when it is a
    /// repeat, otherwise the id is taken by other content.
    /// </summary>
    public Programme AnswerRepeat(Country country, string title, DateOnly periodStart, DateOnly periodEnd) =>
        Repeats(country, title, periodStart, periodEnd)
            ? this
            : throw new AlreadyExistsException(
                $"Request id '{RequestId}' was already used to register programme '{Id}' with different content; "
                + "choose a new request id for a new programme, or repeat the first request exactly to get that programme.");

    /// <summary>
    /// For programmes stored before request ids existed: gives them the key of a programme without
    /// one. False when the programme already has a key.
    /// </summary>
    public bool BackfillRequestKey()
    {
        if (RequestKey.Length > 0) return false;
        RequestKey = RequestKeyFor(RequestId, Id);
        return true;
    }
}
