using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>One convention's targets: countries that ratified and countries still pending.</summary>
public sealed record ConventionTargets(int ConventionNumber, IReadOnlyList<string> Ratified, IReadOnlyList<string> Pending)
{
    public int TargetedCount => Ratified.Count + Pending.Count;
}

/// <summary>Ratification targets by convention: a pure function of the <see cref="RatificationTargetsProjection"/> buckets the caller may see.</summary>
public static class RatificationReport
{
    public static IReadOnlyList<ConventionTargets> From(IEnumerable<Bucket> buckets) =>
    [
        .. buckets.Where(b => b.Count > 0).Select(RatificationTargetsProjection.Parse)
            .GroupBy(t => t.Convention).OrderBy(g => g.Key)
            .Select(g => new ConventionTargets(g.Key,
                [.. g.Where(t => t.Ratified).Select(t => t.Country).Distinct().Order(StringComparer.Ordinal)],
                [.. g.Where(t => !t.Ratified).Select(t => t.Country).Distinct().Order(StringComparer.Ordinal)])),
    ];
}

/// <summary>
/// Counts each target once under "{country}|{region}|{convention}|{ratified or pending}": the
/// country first so a caller scoped to countries reads only theirs, the region second as the
/// shared report reader expects. A ratification moves the target between buckets in the same
/// transaction as the save.
/// </summary>
public sealed class RatificationTargetsProjection : Projection<RatificationTarget>
{
    public const string ProjectionName = "ratification-targets";
    public override string Name => ProjectionName;

    public override void Contribute(RatificationTarget state, Contributions contributions) =>
        contributions.Count(BucketKey.Of(state.CountryCode, ((int)state.Region).ToString("D2"), state.ConventionNumber.ToString("D3"),
            state.IsRatified ? "ratified" : "pending"));

    public static string CountryOf(Bucket bucket) => bucket.Parts[0];

    internal static (string Country, int Convention, bool Ratified) Parse(Bucket bucket) =>
        (bucket.Parts[0], int.Parse(bucket.Parts[2]), bucket.Parts[3] == "ratified");
}
