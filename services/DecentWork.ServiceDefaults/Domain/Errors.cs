using DecentWork.ServiceDefaults;

namespace DecentWork.ServiceDefaults
{
    /// <summary>
    /// An error that means something to the caller: the one place the types that map to gRPC
    /// statuses live (ErrorMappingInterceptor does the mapping). Each carries a stable
    /// UPPER_SNAKE <see cref="Reason"/> and metadata (the id it is about, ...) that callers read
    /// from the google.rpc.ErrorInfo detail, so a client never has to parse the English message.
    /// </summary>
    public abstract class CallerError(string reason, string message, IReadOnlyDictionary<string, string>? metadata) : Exception(message)
    {
        public string Reason { get; } = reason;

        public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();

        /// <summary>"Funding approval" → "FUNDING_APPROVAL": the reason's prefix from a resource's name.</summary>
        public static string ReasonPrefix(string resource) =>
            string.Concat(resource.Trim().Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_'));
    }

    /// <summary>
    /// A business rule refused a change (a lifecycle step out of order, a value the rules forbid).
    /// The message is for the caller: it says what is wrong. Maps to FAILED_PRECONDITION; the
    /// reason is <see cref="RuleViolated"/> unless the rule names a more precise one.
    /// </summary>
    public class DomainRuleException(string message, string reason = DomainRuleException.RuleViolated, IReadOnlyDictionary<string, string>? metadata = null)
        : CallerError(reason, message, metadata)
    {
        public const string RuleViolated = "RULE_VIOLATED";
    }

    /// <summary>
    /// The request names something another service owns and this one has not heard of yet (its
    /// event may still be on its way). FAILED_PRECONDITION with reason &lt;RESOURCE&gt;_NOT_KNOWN_YET
    /// and a google.rpc.RetryInfo: retrying after the delay may succeed.
    /// </summary>
    public sealed class NotKnownYetException(string resource, object id, string message)
        : DomainRuleException(message, ReasonPrefix(resource) + "_NOT_KNOWN_YET", new Dictionary<string, string> { ["id"] = $"{id}" })
    {
        /// <summary>Events between services arrive within seconds; a caller waiting this long before retrying is not hammering.</summary>
        public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    }

    /// <summary>
    /// A business rule (not the caller's role) forbids this caller the step, e.g. separation of
    /// duties. PERMISSION_DENIED with a reason.
    /// </summary>
    public sealed class PermissionRuleException(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null)
        : CallerError(reason, message, metadata);
}

namespace DecentWork.ServiceDefaults.Grpc
{
    /// <summary>The resource named in the request does not exist (or is outside the caller's scope). Reason &lt;RESOURCE&gt;_NOT_FOUND.</summary>
    public sealed class NotFoundException(string resource, object id)
        : CallerError(ReasonPrefix(resource) + "_NOT_FOUND", $"{resource} '{id}' was not found.", new Dictionary<string, string> { ["id"] = $"{id}" });

    /// <summary>A resource with the same natural key exists; the message says which. ALREADY_EXISTS.</summary>
    public sealed class AlreadyExistsException(string message, string reason = AlreadyExistsException.DefaultReason, IReadOnlyDictionary<string, string>? metadata = null)
        : CallerError(reason, message, metadata)
    {
        public const string DefaultReason = "ALREADY_EXISTS";
    }
}
