using DecentWork.Identity.Seeding;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DecentWork.Identity.Data;

/// <summary>Healthy once the tables and seeds are in place and the database answers.</summary>
internal sealed class IdentityHealthCheck(IdentityDb db, StartupState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Ready) return HealthCheckResult.Unhealthy("Starting.");
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Database unavailable.");
    }
}
