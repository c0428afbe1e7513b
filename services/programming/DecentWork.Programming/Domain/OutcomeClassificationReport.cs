using DecentWork.ServiceDefaults.Classification;

namespace DecentWork.Programming.Domain;

/// <summary>Outcomes of one marker and significance (empty: not scored on it), or of one SDG goal, with their money.</summary>
public sealed record OutcomeClassificationRow(string Code, string Significance, int OutcomeCount, decimal ResourceNeedUsd, decimal FundingMobilisedUsd);

/// <summary>
/// The reports by policy marker and by SDG goal over outcomes not withdrawn. Pure: it takes the
/// programmes a report covers. Once report projections exist it reads the same rows from one
/// bucket per (marker, significance) and per goal, updated in the write that classifies or funds
/// an outcome.
/// </summary>
public static class OutcomeClassificationReport
{
    public static IReadOnlyList<Outcome> Counted(IEnumerable<Programme> programmes) =>
        programmes.SelectMany(p => p.Outcomes).Where(o => !o.Withdrawn).ToList();

    public static IEnumerable<OutcomeClassificationRow> ByPolicyMarker(IReadOnlyList<Outcome> outcomes) =>
        ClassificationGroups.ByPolicyMarker(outcomes, o => o.Classification)
            .Select(g => Row(g.PolicyMarker, g.Significance, g.Items));

    public static IEnumerable<OutcomeClassificationRow> BySdgGoal(IReadOnlyList<Outcome> outcomes) =>
        ClassificationGroups.BySdgGoal(outcomes, o => o.Classification)
            .Select(g => Row(g.SdgGoal, "", g.Items));

    private static OutcomeClassificationRow Row(string code, string significance, IReadOnlyList<Outcome> outcomes) =>
        new(code, significance, outcomes.Count, outcomes.Sum(o => o.ResourceNeedUsd), outcomes.Sum(o => o.FundingMobilisedUsd));
}
