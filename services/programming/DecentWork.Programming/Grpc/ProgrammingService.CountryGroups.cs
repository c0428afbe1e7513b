using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Grpc;
using Grpc.Core;
using Common = DecentWork.Contracts.Common.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>The reports' country-group filter, applied at read time over per-country buckets or programmes.</summary>
public sealed partial class ProgrammingService
{
    /// <summary>
    /// Null when no group is asked for; otherwise whether a country is in it, on the day asked for or
    /// else during the year given (0: today). Reads this service's copy of coordination's statuses:
    /// one record per country, so the cost is bounded by the number of countries, and a status
    /// changing moves no stored bucket.
    /// </summary>
    private async Task<Func<string, int, bool>?> CountryGroupAsync(Common.CountryGroup group, Google.Type.Date? on, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var filter = CountryGroupRegistration.FilterFrom(group, on, violations);
        violations.ThrowIfAny();
        return filter is null ? null
            : await filter.AdmitterAsync(countryStatuses, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), context.CancellationToken);
    }
}
