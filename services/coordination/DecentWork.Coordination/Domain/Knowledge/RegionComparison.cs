using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>
/// The three projections behind the region comparison, all keyed "region|country" (region as its
/// number, country "-" for an item of a region but no country), and the report's pure function.
/// </summary>
public static class RegionComparison
{
    public const string ProgrammesFigure = "programmes";
    public const string OutcomesFigure = "outcomes";
    public const string NeedsFigure = "needs";
    public const string FundedFigure = "funded";
    public const string GoodPracticesFigure = "good-practices";
    public const string LessonsFigure = "lessons";
    public const string NoCountry = "-";

    public static string Key(IloRegion region, string countryCode) => BucketKey.Of(Number(region), countryCode.Length == 0 ? NoCountry : countryCode);

    /// <summary>The keys of one region, or of all.</summary>
    public static BucketRange RangeOf(IloRegion? region) => BucketRange.Prefix(region is { } r ? Number(r) + BucketKey.Separator : "");

    private static string Number(IloRegion region) => ((int)region).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One row per country of <paramref name="region"/> (or per region when null), over the buckets
    /// of the three projections, limited to <paramref name="scopes"/> (null: every country). Items
    /// of a region without a country count in the region's rows only.
    /// </summary>
    public static RegionComparisonResult Compare(IloRegion? region, IEnumerable<Bucket> buckets, IReadOnlySet<string>? scopes)
    {
        // Per country first: a gap is a country's needs not met, so one country's surplus never fills another's gap.
        var countries = new Dictionary<(IloRegion, string), RegionComparisonRow>();
        foreach (var bucket in buckets)
        {
            var parts = bucket.Parts;
            if (parts.Length != 2 || !int.TryParse(parts[0], out var number) || !Enum.IsDefined((IloRegion)number)) continue;
            var (bucketRegion, country) = ((IloRegion)number, parts[1] == NoCountry ? "" : parts[1]);
            if (region is not null && (bucketRegion != region || country.Length == 0)) continue;
            // A scoped caller sees its countries only; regional items (no country) are global knowledge.
            if (scopes is not null && country.Length > 0 && !scopes.Contains(country)) continue;
            var row = countries.GetValueOrDefault((bucketRegion, country)) ?? RegionComparisonRow.Empty(country, bucketRegion);
            countries[(bucketRegion, country)] = row.Plus(bucket);
        }
        var perCountry = countries.Values.Select(r => r.WithGap()).ToList();
        var rows = region is not null
            ? [.. perCountry.OrderBy(r => r.CountryCode, StringComparer.Ordinal)]
            : perCountry.GroupBy(r => r.Region).OrderBy(g => g.Key)
                .Select(g => g.Aggregate(RegionComparisonRow.Empty("", g.Key), (sum, r) => sum.Plus(r))).ToList();
        var total = rows.Aggregate(RegionComparisonRow.Empty("", region ?? default), (sum, r) => sum.Plus(r));
        return new RegionComparisonResult(rows, total);
    }
}

public sealed record RegionComparisonRow(string CountryCode, IloRegion Region, long Programmes, long Outcomes, decimal NeedsUsd, decimal FundedUsd,
    decimal GapUsd, long GoodPractices, long LessonsLearned)
{
    public static RegionComparisonRow Empty(string countryCode, IloRegion region) => new(countryCode, region, 0, 0, 0m, 0m, 0m, 0, 0);

    /// <summary>A country's needs not met, never below zero.</summary>
    public RegionComparisonRow WithGap() => this with { GapUsd = Math.Max(0m, NeedsUsd - FundedUsd) };

    /// <summary>Funded share of the needs in per cent, two decimals; null without needs.</summary>
    public decimal? FundedPercent => NeedsUsd == 0m ? null : Math.Round(100m * FundedUsd / NeedsUsd, 2, MidpointRounding.AwayFromZero);

    public RegionComparisonRow Plus(Bucket b) => this with
    {
        Programmes = Programmes + (long)b[RegionComparison.ProgrammesFigure],
        Outcomes = Outcomes + (long)b[RegionComparison.OutcomesFigure],
        NeedsUsd = NeedsUsd + b[RegionComparison.NeedsFigure],
        FundedUsd = FundedUsd + b[RegionComparison.FundedFigure],
        GoodPractices = GoodPractices + (long)b[RegionComparison.GoodPracticesFigure],
        LessonsLearned = LessonsLearned + (long)b[RegionComparison.LessonsFigure],
    };

    /// <summary>Sums rows; the gap is the sum of the countries' gaps.</summary>
    public RegionComparisonRow Plus(RegionComparisonRow r) => this with
    {
        Programmes = Programmes + r.Programmes, Outcomes = Outcomes + r.Outcomes, NeedsUsd = NeedsUsd + r.NeedsUsd,
        FundedUsd = FundedUsd + r.FundedUsd, GapUsd = GapUsd + r.GapUsd, GoodPractices = GoodPractices + r.GoodPractices,
        LessonsLearned = LessonsLearned + r.LessonsLearned,
    };
}

public sealed record RegionComparisonResult(IReadOnlyList<RegionComparisonRow> Rows, RegionComparisonRow Total);

/// <summary>Each DWCP: counted once in its country, with its outcomes not withdrawn and their resource needs.</summary>
public sealed class ProgrammeNeedsProjection : Projection<KnownProgramme>
{
    public override string Name => "region-programmes";

    public override void Contribute(KnownProgramme state, Contributions contributions)
    {
        var key = RegionComparison.Key(state.Region, state.CountryCode);
        contributions.Count(key, RegionComparison.ProgrammesFigure);
        foreach (var outcome in state.Outcomes.Where(o => !o.Withdrawn))
            contributions.Count(key, RegionComparison.OutcomesFigure).Add(key, RegionComparison.NeedsFigure, outcome.ResourceNeedUsd);
    }
}

/// <summary>Each approval's money, by the country it went to.</summary>
public sealed class FundingByCountryProjection : Projection<KnownFunding>
{
    public override string Name => "region-funding";

    public override void Contribute(KnownFunding state, Contributions contributions)
    {
        foreach (var share in state.Shares)
            if (Countries.TryFind(share.CountryCode, out var country))
                contributions.Add(RegionComparison.Key(country.Region, country.Code), RegionComparison.FundedFigure, share.AmountUsd);
    }
}

/// <summary>Good practices and lessons learned not withdrawn, by their region and country.</summary>
public sealed class ExperienceByCountryProjection : Projection<KnowledgeItem>
{
    public override string Name => "region-knowledge";

    public override void Contribute(KnowledgeItem state, Contributions contributions)
    {
        if (state.Withdrawn || state.Content.Region is not { } region) return;
        var figure = state.Content.Kind switch
        {
            KnowledgeKind.GoodPractice => RegionComparison.GoodPracticesFigure,
            KnowledgeKind.LessonLearned => RegionComparison.LessonsFigure,
            _ => null,
        };
        if (figure is not null) contributions.Count(RegionComparison.Key(region, state.Content.CountryCode), figure);
    }
}
