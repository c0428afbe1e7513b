using System.Globalization;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.ServiceDefaults.Classification;

/// <summary>Items of one policy marker and significance; Significance is empty for the items not scored on the marker.</summary>
public sealed record PolicyMarkerGroup<T>(string PolicyMarker, string Significance, IReadOnlyList<T> Items);

/// <summary>Items serving one SDG goal.</summary>
public sealed record SdgGoalGroup<T>(string SdgGoal, IReadOnlyList<T> Items);

/// <summary>
/// The grouping behind the reports by marker and by goal, shared by every context that classifies
/// its work (outcomes, projects). Pure: the caller passes the records and says where their
/// classification is, and sums what it reports per group.
/// </summary>
public static class ClassificationGroups
{
    /// <summary>Gender equality and disability: reported even when nothing is scored on them, as donors ask for both.</summary>
    public static readonly IReadOnlyList<string> AlwaysReportedMarkers = ["1", "11"];

    /// <summary>
    /// One group per marker (every marker scored, plus gender and disability) and significance found,
    /// then one of the items not scored on it; ordered by marker then significance as numbers.
    /// </summary>
    public static IEnumerable<PolicyMarkerGroup<T>> ByPolicyMarker<T>(IReadOnlyCollection<T> items, Func<T, WorkClassification> classificationOf)
    {
        var markers = items.SelectMany(i => classificationOf(i).PolicyMarkers.Select(m => m.Code))
            .Concat(AlwaysReportedMarkers).Distinct().OrderBy(AsNumber);
        foreach (var marker in markers)
        {
            var scored = items.Select(i => (Item: i, Significance: classificationOf(i).SignificanceOf(marker))).ToList();
            foreach (var group in scored.Where(s => s.Significance is not null).GroupBy(s => s.Significance!).OrderBy(g => AsNumber(g.Key)))
                yield return new PolicyMarkerGroup<T>(marker, group.Key, group.Select(s => s.Item).ToList());
            yield return new PolicyMarkerGroup<T>(marker, "", scored.Where(s => s.Significance is null).Select(s => s.Item).ToList());
        }
    }

    /// <summary>One group per SDG goal served by at least one item, ordered by goal number.</summary>
    public static IEnumerable<SdgGoalGroup<T>> BySdgGoal<T>(IReadOnlyCollection<T> items, Func<T, WorkClassification> classificationOf) =>
        items.SelectMany(i => classificationOf(i).SdgGoals.Select(goal => (Goal: goal, Item: i)))
            .GroupBy(x => x.Goal)
            .OrderBy(g => AsNumber(g.Key))
            .Select(g => new SdgGoalGroup<T>(g.Key, g.Select(x => x.Item).ToList()));

    /// <summary>A marker's name in the IATI codelist, e.g. "Gender Equality".</summary>
    public static string MarkerName(string code) => Codelists.PolicyMarker.Find(code)?.Name ?? "";

    /// <summary>A significance's name in the IATI codelist; "not scored" for the empty significance of the unscored row.</summary>
    public static string SignificanceName(string code) => code.Length == 0 ? "not scored" : Codelists.PolicySignificance.Find(code)?.Name ?? "";

    /// <summary>An SDG goal's name in the IATI codelist.</summary>
    public static string GoalName(string code) => Codelists.SdgGoals.Find(code)?.Name ?? "";

    private static int AsNumber(string code) => int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
