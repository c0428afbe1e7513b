using System.Linq.Expressions;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Grpc;

/// <summary>
/// Whole-collection reads for the coverage reports. UNDAFs, known DWCPs and presences number in
/// the low thousands (about 190 countries, a handful each), so reading them in chunks and joining
/// in memory is cheap and needs no projection kept in step with several event streams.
/// </summary>
internal static class StoreReads
{
    // Chunks of the maximum page size keep each read bounded; the sort key keeps chunks stable.
    public static async Task<List<T>> AllAsync<T>(IAggregateStore<T> store, Expression<Func<T, object>> sortKey, CancellationToken cancellationToken)
        where T : Aggregate
    {
        var all = new List<T>();
        var order = new SortOrder<T>(sortKey);
        for (var skip = 0; ; skip += Page.MaxSize)
        {
            var chunk = await store.QueryAsync(Filter.All<T>(), order, skip, Page.MaxSize, cancellationToken);
            all.AddRange(chunk);
            if (chunk.Count < Page.MaxSize) return all;
        }
    }
}
