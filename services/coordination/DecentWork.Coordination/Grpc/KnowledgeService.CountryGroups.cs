using DecentWork.Coordination.Domain;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Grpc;

/// <summary>The region comparison's country-group filter, over the country statuses this service owns.</summary>
public sealed partial class KnowledgeService
{
    /// <summary>
    /// The comparison's per-country buckets of the countries in the group, judged on the filter's
    /// day, else during <paramref name="year"/> (0: today). Coordination owns the statuses, so it
    /// reads them directly (at most one record per country), not a copy; a status changing moves
    /// no bucket.
    /// </summary>
    private async Task<List<Bucket>> InCountryGroupAsync(List<Bucket> buckets, CountryGroupFilter filter, int year, CancellationToken cancellationToken)
    {
        var all = await countryStatuses.ReadAllAsync(_ => true, new SortOrder<CountryStatus>(s => s.CountryCode), cancellationToken);
        var view = new CountryGroupsView(all.ToDictionary(s => s.CountryCode, s => s.Periods, StringComparer.Ordinal));
        var admits = filter.Admitter(view, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return RegionComparison.InCountries(buckets, country => admits(country, year));
    }
}
