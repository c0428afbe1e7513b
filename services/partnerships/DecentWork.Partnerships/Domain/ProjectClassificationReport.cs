using DecentWork.ServiceDefaults.Classification;

namespace DecentWork.Partnerships.Domain;

/// <summary>Projects of one marker and significance (empty: not scored on it), or of one SDG goal, with their budgets.</summary>
public sealed record ProjectClassificationRow(string Code, string Significance, int ProjectCount, decimal BudgetUsd);

/// <summary>
/// The reports by policy marker and by SDG goal over projects. Pure: it takes the projects a
/// report covers. Once report projections exist it reads the same rows from one bucket per
/// (marker, significance, year) and per (goal, year), updated in the write that registers or
/// classifies a project.
/// </summary>
public static class ProjectClassificationReport
{
    public static IEnumerable<ProjectClassificationRow> ByPolicyMarker(IReadOnlyList<Project> projects) =>
        ClassificationGroups.ByPolicyMarker(projects, p => p.Classification)
            .Select(g => new ProjectClassificationRow(g.PolicyMarker, g.Significance, g.Items.Count, g.Items.Sum(p => p.BudgetUsd)));

    public static IEnumerable<ProjectClassificationRow> BySdgGoal(IReadOnlyList<Project> projects) =>
        ClassificationGroups.BySdgGoal(projects, p => p.Classification)
            .Select(g => new ProjectClassificationRow(g.SdgGoal, "", g.Items.Count, g.Items.Sum(p => p.BudgetUsd)));
}
