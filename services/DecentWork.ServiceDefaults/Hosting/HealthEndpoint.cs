using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DecentWork.ServiceDefaults.Hosting;

/// <summary>
/// GET /health: 200 when every check is healthy, 503 otherwise, with each check's status as JSON.
/// Degraded counts as not ready: MassTransit reports it while receive endpoints are still binding,
/// and a service that answers before its queues exist could miss events. The exception: when only
/// the checks tagged "attention" (parked messages, an old outbox backlog) are degraded, the body
/// says Degraded but the answer stays 200, because the service serves and must stay in rotation.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>
    /// GET /alive: 200 while the process serves requests, with no dependency checked. Orchestrators
    /// restart on liveness; restarting every instance because the database is down would not help.
    /// </summary>
    public const string LivenessPath = "/alive";

    /// <summary>Maps /health and <see cref="LivenessPath"/>; conventions (AllowAnonymous) apply to both.</summary>
    public static IEndpointConventionBuilder MapDecentWorkHealth(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        group.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        group.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });
        return group;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Degraded && report.Entries.Values.All(e => e.Status == HealthStatus.Healthy || e.Tags.Contains(MessagingHealthCheck.AttentionTag)))
            context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
