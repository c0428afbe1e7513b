using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// Approvals and their dollars per year as figures of one bucket ("n-YYYY", "usd-YYYY"), for
/// projections keyed by something with many years (a partner, a programme): a report reads one
/// bucket per partner or programme instead of one per year as well, because a read costs per bucket
/// far more than per figure.
/// </summary>
public static class YearFigures
{
    private const string CountPrefix = "n-", UsdPrefix = "usd-";

    /// <summary>Counts one approval of <paramref name="year"/> worth <paramref name="amountUsd"/> in the bucket.</summary>
    public static void Add(Contributions contributions, string bucketKey, int year, decimal amountUsd)
    {
        var yyyy = BucketKey.Year(year);
        contributions.Add(bucketKey, CountPrefix + yyyy, 1).Add(bucketKey, UsdPrefix + yyyy, amountUsd);
    }

    /// <summary>The bucket's years that hold approvals, with their count and dollars.</summary>
    public static IEnumerable<(int Year, int Approvals, decimal AmountUsd)> Of(Bucket bucket) =>
        bucket.Figures.Keys.Where(f => f.StartsWith(CountPrefix, StringComparison.Ordinal)).Select(f =>
        {
            var yyyy = f[CountPrefix.Length..];
            return (int.Parse(yyyy, NumberStyles.None, CultureInfo.InvariantCulture), (int)bucket[f], bucket[UsdPrefix + yyyy]);
        });
}
