using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace DecentWork.ServiceDefaults.Security;

/// <summary>
/// A refused call answers in the caller's protocol, like any other error: gRPC gets
/// UNAUTHENTICATED or PERMISSION_DENIED as a status (not an HTTP code it has to translate), JSON
/// gets 401 (with the bearer challenge) or 403 and the same body shape as every RPC error.
/// The message says nothing about the resource, so a refusal leaks nothing.
/// </summary>
public sealed class AuthorizationAnswers : IAuthorizationMiddlewareResultHandler
{
    private const string Unauthenticated = "A valid access token is required.";
    private const string PermissionDenied = "The caller's role does not allow this call.";

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }
        var challenged = authorizeResult.Challenged;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // Trailers-only gRPC answer: HTTP 200 with the status in the headers.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = challenged ? "16" : "7";
            context.Response.Headers["grpc-message"] = challenged ? Unauthenticated : PermissionDenied;
            return;
        }
        if (challenged) await context.ChallengeAsync();
        else await context.ForbidAsync();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(challenged
            ? $$"""{"code":16,"message":"{{Unauthenticated}}","details":[]}"""
            : $$"""{"code":7,"message":"{{PermissionDenied}}","details":[]}""");
    }
}
