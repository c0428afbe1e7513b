using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// A refusal written by middleware before any RPC runs (authorisation, rate limiting, a body
/// that is not the request message, an unknown route), in the caller's protocol: gRPC gets a
/// trailers-only answer (HTTP 200 with grpc-status, grpc-message and grpc-status-details-bin in
/// the headers), JSON the HTTP status with the body every RPC error has:
/// <c>{"code": 5, "message": "...", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", ...}]}</c>.
/// </summary>
public static class RefusalAnswers
{
    private static readonly JsonFormatter Formatter =
        new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(ErrorDetails.Descriptors)));

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public static void WriteGrpc(HttpResponse response, StatusCode status, string message) =>
        WriteGrpc(response, StatusOf(response.HttpContext, status, message));

    public static void WriteGrpc(HttpResponse response, Google.Rpc.Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
    }

    /// <summary>The JSON body; the caller sets the HTTP status (and any challenge header) first.</summary>
    public static Task WriteJsonAsync(HttpResponse response, StatusCode status, string message, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(response, StatusOf(response.HttpContext, status, message), cancellationToken);

    public static Task WriteJsonAsync(HttpResponse response, Google.Rpc.Status status, CancellationToken cancellationToken = default)
    {
        response.ContentType = "application/json";
        return response.WriteAsync(Formatter.Format(status), cancellationToken);
    }

    /// <summary>Either protocol: gRPC as trailers-only, JSON with <paramref name="httpStatus"/>.</summary>
    public static Task WriteAsync(HttpContext context, int httpStatus, Google.Rpc.Status status)
    {
        if (IsGrpc(context.Request))
        {
            WriteGrpc(context.Response, status);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = httpStatus;
        return WriteJsonAsync(context.Response, status, context.RequestAborted);
    }

    /// <summary>A status with an ErrorInfo whose reason is the code's name and whose domain is this process's.</summary>
    public static Google.Rpc.Status StatusOf(HttpContext context, StatusCode status, string message, string? reason = null) =>
        ErrorDetails.ToStatus(status, message, DomainOf(context), reason ?? ErrorDetails.ReasonOf(status));

    public static string DomainOf(HttpContext context) =>
        context.RequestServices.GetService<ErrorDomain>()?.Name ?? "decentwork.org";
}
