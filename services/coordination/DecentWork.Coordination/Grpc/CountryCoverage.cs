using System.Linq.Expressions;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Grpc;

/// <summary>One country that has both an UNDAF and a DWCP; ids in cycle and period order.</summary>
internal sealed record CountryCoverage(string CountryCode, IReadOnlyList<Guid> UndafIds, IReadOnlyList<Guid> ProgrammeIds)
{
    /// <summary>
    /// Reads every UNDAF and known programme and intersects their countries in memory. There are
    /// about 190 countries with a handful of UNDAFs and DWCPs each, so both collections stay in
    /// the low thousands: a few chunked reads per call are cheap, and the intersection needs no
    /// second projection kept in step with two event streams. Revisit if either grows by orders.
    /// </summary>
    public static async Task<IReadOnlyList<CountryCoverage>> ReadAsync(
        IAggregateStore<Undaf> undafs, IAggregateStore<KnownProgramme> programmes, CancellationToken cancellationToken)
    {
        var undafsByCountry = await IdsByCountryAsync(undafs, u => u.SortKey, u => u.CountryCode, cancellationToken);
        var programmesByCountry = await IdsByCountryAsync(programmes, p => p.SortKey, p => p.CountryCode, cancellationToken);
        return undafsByCountry.Keys
            .Where(programmesByCountry.ContainsKey)
            .Order(StringComparer.Ordinal)
            .Select(code => new CountryCoverage(code, undafsByCountry[code], programmesByCountry[code]))
            .ToList();
    }

    // Chunks of the maximum page size keep each read bounded; each starts after the last key read.
    private static async Task<Dictionary<string, List<Guid>>> IdsByCountryAsync<T>(
        IAggregateStore<T> store, Expression<Func<T, object>> sortKey, Func<T, string> country,
        CancellationToken cancellationToken) where T : Aggregate
    {
        var byCountry = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        var order = new SortOrder<T>(sortKey);
        string? after = null;
        while (true)
        {
            var chunk = await store.QueryAfterAsync(Filter.All<T>(), order, after, Page.MaxSize, cancellationToken);
            foreach (var item in chunk)
            {
                if (!byCountry.TryGetValue(country(item), out var ids)) byCountry[country(item)] = ids = [];
                ids.Add(item.Id);
            }
            if (chunk.Count < Page.MaxSize) return byCountry;
            after = order.KeyOf(chunk[^1]);
        }
    }
}
