using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// A body for the HTTP errors no RPC wrote (no route: 404; a route without that verb: 405; a body
/// over the limit: 413; a proxy that could not reach a service: 502/503/504), in the same shape as
/// every RPC error, so a JSON client parses one shape. gRPC callers get a trailers-only status.
/// </summary>
public static class StatusCodeAnswers
{
    public static IApplicationBuilder UseStatusCodeAnswers(this IApplicationBuilder app) =>
        app.UseStatusCodePages(context => WriteAsync(context.HttpContext));

    public static Task WriteAsync(HttpContext context)
    {
        var (code, reason, message) = Describe(context);
        var status = RefusalAnswers.StatusOf(context, code, message, reason);
        if (RefusalAnswers.IsGrpc(context.Request))
        {
            RefusalAnswers.WriteGrpc(context.Response, status);
            return Task.CompletedTask;
        }
        return RefusalAnswers.WriteJsonAsync(context.Response, status, context.RequestAborted);
    }

    private static (StatusCode Code, string Reason, string Message) Describe(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => (StatusCode.NotFound, "ROUTE_NOT_FOUND", "No API route matches this path."),
        StatusCodes.Status405MethodNotAllowed => (StatusCode.Unimplemented, "METHOD_NOT_ALLOWED",
            $"This route does not accept {Quote.Prefix(context.Request.Method)}" +
            (context.Response.Headers.Allow.Count > 0 ? $"; it accepts {context.Response.Headers.Allow}." : ".")),
        StatusCodes.Status413PayloadTooLarge => (StatusCode.ResourceExhausted, BodyLimits.TooLargeReason, BodyLimits.TooLargeMessage),
        StatusCodes.Status415UnsupportedMediaType => (StatusCode.InvalidArgument, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."),
        StatusCodes.Status401Unauthorized => (StatusCode.Unauthenticated, "UNAUTHENTICATED", "A valid access token is required."),
        StatusCodes.Status403Forbidden => (StatusCode.PermissionDenied, "PERMISSION_DENIED", "The caller's role does not allow this call."),
        StatusCodes.Status429TooManyRequests => (StatusCode.ResourceExhausted, "RATE_LIMITED", "Too many requests; retry later."),
        >= 400 and < 500 => (StatusCode.InvalidArgument, "BAD_REQUEST", "The request could not be read."),
        StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout =>
            (StatusCode.Unavailable, "SERVICE_UNAVAILABLE", "The service behind this route is not available; retry later."),
        _ => (StatusCode.Internal, "INTERNAL", "An internal error occurred; it has been logged."),
    };
}
