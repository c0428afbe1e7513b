using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Builds the google.rpc.Status every non-validation error carries: the code, the message, a
/// google.rpc.ErrorInfo (reason, domain, metadata) and, for "not known yet", a google.rpc.RetryInfo.
/// </summary>
public static class ErrorDetails
{
    public const string ConcurrentWrite = "CONCURRENT_WRITE";
    public const string DuplicateKey = "DUPLICATE_KEY";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
    public const int MaxMessageLength = 500;

    /// <summary>The detail types an error may carry, for JSON transcoding's type registry.</summary>
    public static readonly Google.Protobuf.Reflection.MessageDescriptor[] Descriptors =
        [BadRequest.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor];

    public static RpcException ToRpcException(StatusCode code, string message, string domain, string reason,
        IReadOnlyDictionary<string, string>? metadata = null, TimeSpan? retryDelay = null) =>
        ToStatus(code, message, domain, reason, metadata, retryDelay).ToRpcException();

    public static Google.Rpc.Status ToStatus(StatusCode code, string message, string domain, string reason,
        IReadOnlyDictionary<string, string>? metadata = null, TimeSpan? retryDelay = null)
    {
        // A message may quote a caller's value; past this it is cut, so a huge value never comes back whole.
        if (message.Length > MaxMessageLength) message = message[..MaxMessageLength] + "…";
        var info = new ErrorInfo { Reason = reason, Domain = domain };
        if (metadata is not null) foreach (var (key, value) in metadata) info.Metadata[key] = value;
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (retryDelay is { } delay) status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        return status;
    }

    /// <summary>A non-validation status thrown without details (no ErrorInfo yet).</summary>
    public static bool NeedsErrorInfo(RpcException e) =>
        e.StatusCode is not (StatusCode.OK or StatusCode.InvalidArgument) && e.GetRpcStatus() is null;

    /// <summary>PermissionDenied → PERMISSION_DENIED: the fallback reason of a status without a more precise one.</summary>
    public static string ReasonOf(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}

/// <summary>The ErrorInfo domain of one process: "&lt;service&gt;.decentwork.org" (e.g. programming.decentwork.org).</summary>
public sealed record ErrorDomain(string Name)
{
    public static ErrorDomain Of(string serviceName) => new($"{serviceName}.decentwork.org");
}
