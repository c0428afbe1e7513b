using System.Globalization;
using System.Threading.RateLimiting;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;

namespace DecentWork.Gateway;

/// <summary>
/// A token bucket per client (the token's subject; the remote address for anonymous calls), and a
/// tighter one for report routes, which read far more than they write. Past the limit JSON gets
/// 429 with Retry-After and gRPC gets RESOURCE_EXHAUSTED, both before anything reaches a service.
/// </summary>
public sealed class ClientRateLimits(RateLimitSettings settings) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "per-client";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // The subject as the services see it (mapped from the provider's claim names), not the raw token's.
        var client = CallerClaims.Of(httpContext.User)?.FindFirst(CallerClaims.Subject)?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "ip:" + httpContext.Connection.RemoteIpAddress;
        var report = IsReport(httpContext.Request.Path);
        var bucket = report ? settings.Reports : settings.Calls;
        return RateLimitPartition.GetTokenBucketLimiter((report ? "report|" : "call|") + client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.TokenLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = bucket.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>Report RPCs are named Report*; their JSON routes say ":report…" or "/reports".</summary>
    public static bool IsReport(PathString path)
    {
        var value = path.Value ?? "";
        var method = value[(value.LastIndexOf('/') + 1)..];
        return method.StartsWith("Report", StringComparison.Ordinal)
            || value.Contains(":report", StringComparison.OrdinalIgnoreCase)
            || value.Contains("/reports", StringComparison.OrdinalIgnoreCase);
    }

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers.RetryAfter = seconds;
        var message = $"Rate limit exceeded; retry after {seconds} s.";
        if (RefusalAnswers.IsGrpc(context.HttpContext.Request))
        {
            RefusalAnswers.WriteGrpc(response, StatusCode.ResourceExhausted, message);
            return ValueTask.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        return new ValueTask(RefusalAnswers.WriteJsonAsync(response, StatusCode.ResourceExhausted, message, cancellationToken));
    }
}

/// <summary>The "RateLimiting" section: one bucket for calls, one for reports, per client.</summary>
public sealed record RateLimitSettings(RateLimitSettings.Bucket Calls, RateLimitSettings.Bucket Reports)
{
    public sealed record Bucket(int TokenLimit, int TokensPerPeriod, TimeSpan ReplenishmentPeriod);

    public static RateLimitSettings From(IConfiguration configuration)
    {
        Bucket Read(string name, int limit, int perPeriod)
        {
            var section = configuration.GetSection($"RateLimiting:{name}");
            return new Bucket(
                section.GetValue("TokenLimit", limit),
                section.GetValue("TokensPerPeriod", perPeriod),
                TimeSpan.FromMilliseconds(section.GetValue("ReplenishmentPeriodMilliseconds", 1000)));
        }
        return new RateLimitSettings(Read("Calls", 2000, 1000), Read("Reports", 100, 50));
    }
}
