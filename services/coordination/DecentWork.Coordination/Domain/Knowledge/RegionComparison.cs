using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>
/// The projections behind the region comparison, all keyed "region|country" (region as its
/// number, country "-" for an item of a region but no country), and the report's pure function.
/// The finance projection (KnownFinance.cs) also keys money of projects across regions as "0|-".
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

    /// <summary>Where money of a project across regions is kept: in no row, in the between-regions total.</summary>
    public const IloRegion AcrossRegions = 0;

    /// <summary>The budget of one year, or of every year (null).</summary>
    public static string BudgetFigure(int? year) => year is { } y ? $"budget-{y.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "budget";

    /// <summary>The expenditure of one year, or of every year (null).</summary>
    public static string ExpenditureFigure(int? year) =>
        year is { } y ? $"expenditure-{y.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "expenditure";

    public static string Key(IloRegion region, string countryCode) => BucketKey.Of(Number(region), countryCode.Length == 0 ? NoCountry : countryCode);

    /// <summary>The keys of one region, or of all.</summary>
    public static BucketRange RangeOf(IloRegion? region) => BucketRange.Prefix(region is { } r ? Number(r) + BucketKey.Separator : "");

    private static string Number(IloRegion region) => ((int)region).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The buckets of single countries that <paramref name="admits"/>: those of a region but no
    /// country ("-") and of projects across regions ("0|-") belong to no country, so to no group.
    /// </summary>
    public static List<Bucket> InCountries(IEnumerable<Bucket> buckets, Func<string, bool> admits) =>
        [.. buckets.Where(b => b.Parts is [_, var country] && country != NoCountry && admits(country))];

    /// <summary>
    /// One row per country of <paramref name="region"/> (or per region when null), over the buckets
    /// of the projections, limited to <paramref name="scopes"/> (null: every country). Items of a
    /// region without a country count in the region's rows only. Budget and expenditure are those of
    /// <paramref name="year"/> (with the year before as the base of the growth), or of every year when
    /// null. A scoped caller gets no money of projects in several countries (it is not its countries'
    /// alone); an unscoped caller's between-regions total also holds the money of projects across regions.
    /// </summary>
    public static RegionComparisonResult Compare(IloRegion? region, IEnumerable<Bucket> buckets, IReadOnlySet<string>? scopes, int? year = null)
    {
        // Per country first: a gap is a country's needs not met, so one country's surplus never fills another's gap.
        var countries = new Dictionary<(IloRegion, string), RegionComparisonRow>();
        var acrossRegions = RegionComparisonRow.Empty("", AcrossRegions);
        foreach (var bucket in buckets)
        {
            var parts = bucket.Parts;
            if (parts.Length != 2 || !int.TryParse(parts[0], out var number)) continue;
            if ((IloRegion)number == AcrossRegions)
            {
                if (region is null && scopes is null) acrossRegions = acrossRegions.PlusFinance(bucket, year);
                continue;
            }
            if (!Enum.IsDefined((IloRegion)number)) continue;
            var (bucketRegion, country) = ((IloRegion)number, parts[1] == NoCountry ? "" : parts[1]);
            if (region is not null && (bucketRegion != region || country.Length == 0)) continue;
            // A scoped caller sees its countries only; regional items (no country) are global knowledge.
            if (scopes is not null && country.Length > 0 && !scopes.Contains(country)) continue;
            var row = countries.GetValueOrDefault((bucketRegion, country)) ?? RegionComparisonRow.Empty(country, bucketRegion);
            row = row.Plus(bucket);
            countries[(bucketRegion, country)] = scopes is not null && country.Length == 0 ? row : row.PlusFinance(bucket, year);
        }
        var perCountry = countries.Values.Select(r => r.WithGap()).ToList();
        var rows = region is not null
            ? [.. perCountry.OrderBy(r => r.CountryCode, StringComparer.Ordinal)]
            : perCountry.GroupBy(r => r.Region).OrderBy(g => g.Key)
                .Select(g => g.Aggregate(RegionComparisonRow.Empty("", g.Key), (sum, r) => sum.Plus(r))).ToList();
        var total = rows.Aggregate(RegionComparisonRow.Empty("", region ?? default).Plus(acrossRegions), (sum, r) => sum.Plus(r));
        return new RegionComparisonResult(rows, total);
    }
}

public sealed record RegionComparisonRow(string CountryCode, IloRegion Region, long Programmes, long Outcomes, decimal NeedsUsd, decimal FundedUsd,
    decimal GapUsd, long GoodPractices, long LessonsLearned)
{
    public static RegionComparisonRow Empty(string countryCode, IloRegion region) => new(countryCode, region, 0, 0, 0m, 0m, 0m, 0, 0);

    /// <summary>Budget lines of the year asked (or of every year), from partnerships' budget books.</summary>
    public decimal BudgetUsd { get; init; }

    /// <summary>Expenditure of the year asked (or of every year), from partnerships' transactions.</summary>
    public decimal ExpenditureUsd { get; init; }

    /// <summary>Expenditure of the year before the one asked; 0 when no year was asked.</summary>
    public decimal PreviousExpenditureUsd { get; init; }

    /// <summary>Expenditure / budget in per cent, two decimals; null when nothing is budgeted.</summary>
    public decimal? DeliveryPercent => BudgetUsd == 0m ? null : Percent(ExpenditureUsd, BudgetUsd);

    /// <summary>Expenditure's change on the year before in per cent, two decimals; null when nothing was spent that year.</summary>
    public decimal? ExpenditureChangePercent => PreviousExpenditureUsd == 0m ? null : Percent(ExpenditureUsd - PreviousExpenditureUsd, PreviousExpenditureUsd);

    private static decimal Percent(decimal part, decimal whole) => Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>Adds a bucket's budget and expenditure of <paramref name="year"/> (every year when null).</summary>
    public RegionComparisonRow PlusFinance(Bucket b, int? year) => this with
    {
        BudgetUsd = BudgetUsd + b[RegionComparison.BudgetFigure(year)],
        ExpenditureUsd = ExpenditureUsd + b[RegionComparison.ExpenditureFigure(year)],
        PreviousExpenditureUsd = PreviousExpenditureUsd + (year is { } y ? b[RegionComparison.ExpenditureFigure(y - 1)] : 0m),
    };

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
        LessonsLearned = LessonsLearned + r.LessonsLearned, BudgetUsd = BudgetUsd + r.BudgetUsd, ExpenditureUsd = ExpenditureUsd + r.ExpenditureUsd,
        PreviousExpenditureUsd = PreviousExpenditureUsd + r.PreviousExpenditureUsd,
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
