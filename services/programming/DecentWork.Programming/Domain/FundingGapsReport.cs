using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>
/// The totals of the funding gap report, over every page: how many programmes it covers, their
/// resource need and the money mobilised for them. A pure function of the
/// <see cref="ProgrammeNeedByGroupProjection"/> and <see cref="FundingByGroupProjection"/> buckets
/// the caller may see, in the status asked for (0 = any but discarded).
/// </summary>
public sealed record FundingGapsReport(int ProgrammeCount, decimal ResourceNeedUsd, decimal FundingMobilisedUsd)
{
    public static FundingGapsReport From(IEnumerable<Bucket> needBuckets, IEnumerable<Bucket> fundingBuckets, ProgrammeStatus status)
    {
        var need = FundingGroups.InStatus(needBuckets, status).ToList();
        var funding = FundingGroups.InStatus(fundingBuckets, status).ToList();
        return new FundingGapsReport((int)need.Sum(b => b.Count), need.Sum(b => b[FundingGroups.Need]),
            need.Sum(b => b[FundingGroups.Usd]) + funding.Sum(b => b[FundingGroups.Usd]));
    }

    /// <summary>
    /// The totals once per group, each as the report filtered by it: buckets have no year, so each
    /// country is judged on the filter's day or <paramref name="today"/>. The rows overlap.
    /// </summary>
    public static List<(CountryGroup Group, FundingGapsReport Totals)> ByCountryGroup(IReadOnlyCollection<Bucket> needBuckets,
        IReadOnlyCollection<Bucket> fundingBuckets, ProgrammeStatus status, IEnumerable<CountryGroupFilter> groups, CountryGroupsView view, DateOnly today) =>
    [
        .. groups.Select(filter => (filter.Group, From(
            needBuckets.Where(b => filter.Admits(view, FundingGroups.CountryOf(b), 0, today)),
            fundingBuckets.Where(b => filter.Admits(view, FundingGroups.CountryOf(b), 0, today)), status))),
    ];
}
