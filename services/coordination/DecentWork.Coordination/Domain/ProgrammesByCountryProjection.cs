using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>
/// Each known DWCP counted once under its country's code: which countries have a DWCP, in at most
/// one bucket per country (about 190) however many programmes programming publishes. The coverage
/// reports page over these countries and then read the programmes of the countries on the page
/// only. Saved with the known programme, so a country never shows a DWCP it has not stored.
/// </summary>
public sealed class ProgrammesByCountryProjection : Projection<KnownProgramme>
{
    public const string ProjectionName = "coverage-programmes-by-country";
    public override string Name => ProjectionName;

    public override void Contribute(KnownProgramme state, Contributions contributions) =>
        contributions.Count(BucketKey.Of(state.CountryCode));

    /// <summary>The countries with at least one known DWCP (buckets left at zero are removed).</summary>
    public static HashSet<string> CountriesOf(IEnumerable<Bucket> buckets) =>
        buckets.Where(b => b.Count > 0).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
}
