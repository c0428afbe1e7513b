using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>
/// What the coverage lists show of a country's known DWCPs, saved with the known programme so a
/// country never shows a DWCP it has not stored, in two buckets per country (about 190 countries)
/// however many programmes programming publishes:
/// <c>c|country</c> counts them (which countries have one, and how many), and <c>p|country</c>
/// names each one by a figure that sorts like the programme's own sort key (period start, id). A
/// page of countries thus reads its countries' buckets, never the programme documents; the two
/// families are apart so that finding the countries does not read every programme's figure.
/// </summary>
public sealed class ProgrammesByCountryProjection : Projection<KnownProgramme>
{
    public const string ProjectionName = "coverage-programmes-by-country";
    private const string CountFamily = "c";
    private const string IdFamily = "p";
    private const int IdLength = 32;

    public override string Name => ProjectionName;

    // 2: the ids family (p|country) beside the count, which moved from "country" to "c|country".
    public override int Version => 2;

    public override void Contribute(KnownProgramme state, Contributions contributions)
    {
        contributions.Count(BucketKey.Of(CountFamily, state.CountryCode));
        contributions.Count(IdBucket(state.CountryCode), IdFigure(state));
    }

    /// <summary>The range holding every country's count bucket, none of the id buckets.</summary>
    public static BucketRange Countries => BucketRange.Prefix(CountFamily + BucketKey.Separator);

    /// <summary>The range holding one country's id bucket.</summary>
    public static BucketRange IdsOf(string countryCode) => BucketRange.Prefix(IdBucket(countryCode));

    /// <summary>How many known DWCPs each country has, for the countries with at least one (id buckets are passed over).</summary>
    public static Dictionary<string, int> CountsOf(IEnumerable<Bucket> buckets) =>
        buckets.Where(b => b.Parts[0] == CountFamily && b.Count > 0).ToDictionary(b => b.Parts[1], b => (int)b.Count, StringComparer.Ordinal);

    /// <summary>
    /// The programmes an id bucket names, each with its place in the country's order (period
    /// start, id: unique, so it can be a page token's key), in that order.
    /// </summary>
    public static IReadOnlyList<(string Place, Guid Id)> ProgrammesIn(Bucket idBucket) =>
        [.. idBucket.Figures.Where(f => f.Value > 0).Select(f => f.Key).Order(StringComparer.Ordinal)
            .Select(figure => (figure, Guid.ParseExact(figure[^IdLength..], "N")))];

    private static string IdBucket(string countryCode) => BucketKey.Of(IdFamily, countryCode);

    // The sort key without its country ("2020-01-01|<id:N>"), with '_' for the '|' a figure may not
    // hold: the date is fixed width, so the figures' ordinal order is the programmes' store order.
    private static string IdFigure(KnownProgramme state) =>
        state.SortKey[(state.CountryCode.Length + 1)..].Replace(BucketKey.Separator, '_');
}
