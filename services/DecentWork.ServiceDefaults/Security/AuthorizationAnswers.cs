using DecentWork.ServiceDefaults.Grpc;
using Grpc.Core;
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
        var (status, message) = challenged ? (StatusCode.Unauthenticated, Unauthenticated) : (StatusCode.PermissionDenied, PermissionDenied);
        if (RefusalAnswers.IsGrpc(context.Request))
        {
            RefusalAnswers.WriteGrpc(context.Response, status, message);
            return;
        }
        if (challenged) await context.ChallengeAsync();
        else await context.ForbidAsync();
        await RefusalAnswers.WriteJsonAsync(context.Response, status, message);
    }
}
