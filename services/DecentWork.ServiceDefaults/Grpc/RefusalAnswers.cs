using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// A refusal written by middleware before any RPC runs (authorisation, rate limiting), in the
/// caller's protocol: gRPC gets a trailers-only answer (HTTP 200 with grpc-status in the
/// headers), JSON the HTTP status with the body shape every RPC error has.
/// </summary>
public static class RefusalAnswers
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public static void WriteGrpc(HttpResponse response, StatusCode status, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = message;
    }

    /// <summary>The JSON body; the caller sets the HTTP status (and any challenge header) first.</summary>
    public static Task WriteJsonAsync(HttpResponse response, StatusCode status, string message, CancellationToken cancellationToken = default)
    {
        response.ContentType = "application/json";
        return response.WriteAsync(
            System.Text.Json.JsonSerializer.Serialize(new { code = (int)status, message, details = Array.Empty<object>() }), cancellationToken);
    }
}
