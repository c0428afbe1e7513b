using System.Globalization;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// What approvals allocate to each country, kept by the store with every approval saved:
/// "c|year|source|country|partner|mobilised-by" → approvals allocating to the country and the US
/// dollars allocated there; and "n|year|source" → approvals allocating money to no country (a
/// region, the world, a programme without a country) and those dollars, so that a report grouped by
/// country group can show the rest of the total. The reports filtered by country group read these buckets and keep the
/// countries in the group at read time, so a country's status changing moves no bucket, and the
/// cost grows with years × countries × partners, not with approvals.
/// </summary>
public sealed class FundingApprovalCountryTotals : Projection<FundingApproval>
{
    public const string ProjectionName = "funding-approval-country-totals";
    private const string Countries = "c";
    private const string NoCountry = "n";

    public override string Name => ProjectionName;

    // 2: cancelled approvals count nowhere (version 1 kept counting them), and the "n" family.
    public override int Version => 2;

    public override void Contribute(FundingApproval approval, Contributions contributions)
    {
        // A cancelled approval counts nowhere, as in FundingApprovalTotals; the store subtracts what it counted before.
        if (approval.IsCancelled()) return;
        var year = BucketKey.Year(approval.Year);
        var elsewhere = approval.Allocations.Where(a => a.CountryCode is null).ToList();
        if (elsewhere.Count > 0)
        {
            var key = BucketKey.Of(NoCountry, year, Code((int)approval.Source));
            contributions.Count(key).Add(key, FundingApprovalTotals.UsdFigure, elsewhere.Sum(a => a.AmountUsd));
        }
        // An approval counts once per country it allocates to, however many allocations go there.
        foreach (var country in approval.Allocations.Where(a => a.CountryCode is not null).GroupBy(a => a.CountryCode!))
        {
            var key = BucketKey.Of(Countries, year, Code((int)approval.Source), country.Key, approval.PartnerId.ToString("N"), Code((int)approval.MobilisedBy));
            contributions.Count(key).Add(key, FundingApprovalTotals.UsdFigure, country.Sum(a => a.AmountUsd));
        }
    }

    public static BucketRange Between(int startYear, int endYear) =>
        BucketRange.Between($"{Countries}{BucketKey.Separator}{startYear:D4}", $"{Countries}{BucketKey.Separator}{endYear:D4}");

    /// <summary>The "n" family of the period: money allocated to no country.</summary>
    public static BucketRange NoCountryBetween(int startYear, int endYear) =>
        BucketRange.Between($"{NoCountry}{BucketKey.Separator}{startYear:D4}", $"{NoCountry}{BucketKey.Separator}{endYear:D4}");

    /// <summary>The "n" buckets as approval rows (no partner), so that <see cref="FundingTotals.OfSource"/> and the totals apply to them.</summary>
    public static FundingTotals AllocatedToNoCountry(IEnumerable<Bucket> buckets) =>
        new([.. buckets.Select(b => new ApprovalTotal(Number(b.Parts[1]), (FundingSource)Number(b.Parts[2]), Guid.Empty, MobilisedBy.NotRecorded,
            b[FundingApprovalTotals.UsdFigure], (int)b.Count))], []);

    /// <summary>
    /// The totals of the money allocated to countries the filter admits (each bucket judged in its
    /// own year unless the filter names a day), in the shape every funding report reads: the
    /// approval rows hold the allocated dollars, the region rows the countries' regions.
    /// </summary>
    public static FundingTotals InGroup(IEnumerable<Bucket> buckets, CountryGroupFilter filter, CountryGroupsView view, DateOnly today)
    {
        var approvals = new List<ApprovalTotal>();
        var regions = new List<RegionTotal>();
        foreach (var bucket in buckets)
        {
            var parts = bucket.Parts;
            var (year, source, country) = (Number(parts[1]), (FundingSource)Number(parts[2]), parts[3]);
            if (!filter.Admits(view, country, year, today)) continue;
            var (amount, count) = (bucket[FundingApprovalTotals.UsdFigure], (int)bucket.Count);
            approvals.Add(new ApprovalTotal(year, source, Guid.ParseExact(parts[4], "N"), (MobilisedBy)Number(parts[5]), amount, count));
            var region = ServiceDefaults.Reference.Countries.ByCode.TryGetValue(country, out var known) ? known.Region : 0;
            regions.Add(new RegionTotal(year, source, region, amount, count));
        }
        return new FundingTotals(approvals, regions);
    }

    private static string Code(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    private static int Number(string part) => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
}
