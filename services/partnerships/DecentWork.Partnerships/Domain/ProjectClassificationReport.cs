using System.Globalization;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>Projects of one marker and significance (empty: not scored on it), or of one SDG goal, with their budgets.</summary>
public sealed record ProjectClassificationRow(string Code, string Significance, int ProjectCount, decimal BudgetUsd);

/// <summary>
/// The reports by policy marker and by SDG goal: pure functions of the <see cref="ProjectReportTotals"/>
/// buckets a report covers (one family only: the every-project one, or the one-country ones of a
/// group), with the same rows and order as <see cref="ClassificationGroups"/> gives over the projects.
/// </summary>
public static class ProjectClassificationReport
{
    public static int ProjectCount(IReadOnlyList<Bucket> buckets) => (int)buckets.Sum(b => b.Count);

    public static int ProjectsWithoutGoal(IReadOnlyList<Bucket> buckets) => (int)buckets.Sum(b => b[ProjectReportTotals.WithoutGoal]);

    /// <summary>
    /// One row per marker (every marker scored, plus gender and disability) and significance found,
    /// then the projects not scored on it (all the others); ordered by marker then significance as numbers.
    /// </summary>
    public static IEnumerable<ProjectClassificationRow> ByPolicyMarker(IReadOnlyList<Bucket> buckets)
    {
        var scored = ProjectReportTotals.Markers(buckets).Where(m => m.Value.Projects > 0).ToList();
        var (projects, budget) = (ProjectCount(buckets), buckets.Sum(b => b[ProjectReportTotals.BudgetFigure]));
        foreach (var marker in scored.Select(m => m.Key.Marker).Concat(ClassificationGroups.AlwaysReportedMarkers).Distinct().OrderBy(AsNumber))
        {
            var ofMarker = scored.Where(m => m.Key.Marker == marker).OrderBy(m => AsNumber(m.Key.Significance)).ToList();
            foreach (var (key, value) in ofMarker)
                yield return new ProjectClassificationRow(marker, key.Significance, value.Projects, value.BudgetUsd);
            yield return new ProjectClassificationRow(marker, "", projects - ofMarker.Sum(m => m.Value.Projects), budget - ofMarker.Sum(m => m.Value.BudgetUsd));
        }
    }

    /// <summary>One row per SDG goal served by at least one project, ordered by goal number.</summary>
    public static IEnumerable<ProjectClassificationRow> BySdgGoal(IReadOnlyList<Bucket> buckets) =>
        ProjectReportTotals.Goals(buckets).Where(g => g.Value.Projects > 0).OrderBy(g => AsNumber(g.Key))
            .Select(g => new ProjectClassificationRow(g.Key, "", g.Value.Projects, g.Value.BudgetUsd));

    private static int AsNumber(string code) => int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
