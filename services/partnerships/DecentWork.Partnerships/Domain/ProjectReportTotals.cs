using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// What the project reports (linkage, by policy marker, by SDG goal) count, kept with every project
/// saved. Two families, start year first so that "projects starting by the period's end" is one
/// key range and the end year is checked on the key: "y|start|end" for every project, and
/// "c|country|start|end" for a project in exactly one country, which is what a country-group
/// filter counts (judged per country, at read time, in the start year or on a given day): country
/// first, so that a group's report reads only its countries' buckets. Each
/// bucket holds the projects (count), their budget, the linkage counts, and per marker and
/// significance, and per SDG goal, the projects and their budget. A withdrawn project counts
/// nowhere, as the reports leave it out. The number of buckets follows the start and end years
/// (and countries) in use, not the number of projects.
/// </summary>
public sealed class ProjectReportTotals : Projection<Project>
{
    public const string ProjectionName = "project-report-totals";
    public const string BudgetFigure = "usd";
    public const string LinkedToOutcomes = "out";
    public const string LinkedToObjectives = "obj";
    public const string LinkedToBoth = "both";
    public const string WithoutGoal = "nogoal";
    private const string Everywhere = "y";
    private const string OneCountry = "c";
    private const string MarkerCount = "pm";
    private const string MarkerBudget = "pmusd";
    private const string GoalCount = "sdg";
    private const string GoalBudget = "sdgusd";

    public override string Name => ProjectionName;

    public override void Contribute(Project state, Contributions contributions)
    {
        if (state.Status == ProjectStatus.Withdrawn) return;
        var period = new[] { BucketKey.Year(state.StartDate.Year), BucketKey.Year(state.EndDate.Year) };
        Add(state, contributions, BucketKey.Of([Everywhere, .. period]));
        // IATI country codes are letters; the group filter judges only projects in one country.
        if (state.CountryCodes.Count == 1) Add(state, contributions, BucketKey.Of([OneCountry, state.CountryCodes[0], .. period]));
    }

    /// <summary>Every project bucket (no group asked) of the projects that may run in a period ending in <paramref name="endYear"/>.</summary>
    public static BucketRange EverywhereUntil(int endYear) => Until(Everywhere, endYear);

    /// <summary>The buckets of the projects in this one country that may run in a period ending in <paramref name="endYear"/>.</summary>
    public static BucketRange OneCountryUntil(string countryCode, int endYear) => Until($"{OneCountry}{BucketKey.Separator}{countryCode}", endYear);

    /// <summary>The buckets of projects that run in at least one year of the period: started by its end (the range read) and ended after its start.</summary>
    public static IReadOnlyList<Bucket> Running(IEnumerable<Bucket> buckets, int startYear, int endYear) =>
        [.. buckets.Where(b => StartYear(b) <= endYear && Number(b.Parts[IsEverywhere(b) ? 2 : 3]) >= startYear)];

    /// <summary>The one-country buckets whose country the test admits in the projects' start year.</summary>
    public static IReadOnlyList<Bucket> InGroup(IEnumerable<Bucket> buckets, Func<string, int, bool> admits) =>
        [.. buckets.Where(b => b.Parts[0] == OneCountry && admits(b.Parts[1], StartYear(b)))];

    /// <summary>True for a bucket of the every-project family (the in-memory path keeps only these, or only the one-country ones).</summary>
    public static bool IsEverywhere(Bucket bucket) => bucket.Parts[0] == Everywhere;

    /// <summary>(marker, significance) → projects and budget, from the figures of the buckets.</summary>
    public static Dictionary<(string Marker, string Significance), (int Projects, decimal BudgetUsd)> Markers(IEnumerable<Bucket> buckets) =>
        Sum(buckets, MarkerCount, MarkerBudget, code => code.Split('-') is [var marker, var significance] ? (marker, significance) : (code, ""));

    /// <summary>Goal → projects and budget, from the figures of the buckets.</summary>
    public static Dictionary<string, (int Projects, decimal BudgetUsd)> Goals(IEnumerable<Bucket> buckets) =>
        Sum(buckets, GoalCount, GoalBudget, code => code);

    private static void Add(Project state, Contributions contributions, string key)
    {
        var (outcomes, objectives) = (state.OutcomeIds.Count > 0, state.StrategicObjectives.Count > 0);
        contributions.Count(key).Add(key, BudgetFigure, state.BudgetUsd);
        if (outcomes) contributions.Count(key, LinkedToOutcomes);
        if (objectives) contributions.Count(key, LinkedToObjectives);
        if (outcomes && objectives) contributions.Count(key, LinkedToBoth);
        if (state.Classification.SdgGoals.Count == 0) contributions.Count(key, WithoutGoal);
        // Codes come from the IATI codelists (digits), checked when the project is classified, so they are valid figure names.
        foreach (var marker in state.Classification.PolicyMarkers)
        {
            var code = $"{marker.Code}-{marker.Significance}";
            contributions.Add(key, $"{MarkerCount}-{code}", 1).Add(key, $"{MarkerBudget}-{code}", state.BudgetUsd);
        }
        foreach (var goal in state.Classification.SdgGoals.Distinct())
            contributions.Add(key, $"{GoalCount}-{goal}", 1).Add(key, $"{GoalBudget}-{goal}", state.BudgetUsd);
    }

    private static Dictionary<TKey, (int Projects, decimal BudgetUsd)> Sum<TKey>(IEnumerable<Bucket> buckets, string count, string budget,
        Func<string, TKey> keyOf) where TKey : notnull
    {
        var sums = new Dictionary<TKey, (int Projects, decimal BudgetUsd)>();
        foreach (var bucket in buckets)
            foreach (var (figure, value) in bucket.Figures)
            {
                var isCount = figure.StartsWith(count + "-", StringComparison.Ordinal);
                if (!isCount && !figure.StartsWith(budget + "-", StringComparison.Ordinal)) continue;
                var key = keyOf(figure[((isCount ? count : budget).Length + 1)..]);
                var (projects, usd) = sums.GetValueOrDefault(key);
                sums[key] = isCount ? (projects + (int)value, usd) : (projects, usd + value);
            }
        return sums;
    }

    private static BucketRange Until(string family, int endYear) =>
        BucketRange.Between($"{family}{BucketKey.Separator}", $"{family}{BucketKey.Separator}{BucketKey.Year(endYear)}");

    private static int StartYear(Bucket bucket) => Number(bucket.Parts[IsEverywhere(bucket) ? 1 : 2]);


    private static int Number(string part) => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
}
