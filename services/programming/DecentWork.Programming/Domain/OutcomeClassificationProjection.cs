using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>
/// What the reports by policy marker and by SDG goal count, per "{country}|{region}|{approval year}"
/// (year 0000: not approved): the outcomes not withdrawn with their need and legacy money
/// ("outcomes", "need", "usd"), those serving no goal ("no-goal"), and the same three figures per
/// marker and significance ("pm-{marker}-{significance}[-need|-usd]") and per goal
/// ("sdg-{goal}[-need|-usd]"). The approval year is in the key because the country-group filter
/// judges an approved programme by its group in that year. Saved with the programme, so a
/// classification, a withdrawal or an approval moves its figures in the same transaction.
/// Discarded drafts count nothing: the classification reports never show them.
/// </summary>
public sealed class OutcomeClassificationProjection : Projection<Programme>
{
    public const string ProjectionName = "outcome-classification";
    internal const string Outcomes = "outcomes";
    internal const string NoGoal = "no-goal";
    internal const string Need = "-need";
    internal const string Usd = "-usd";
    internal const string MarkerPrefix = "pm-";
    internal const string GoalPrefix = "sdg-";
    public override string Name => ProjectionName;

    public override void Contribute(Programme state, Contributions contributions)
    {
        if (state.Status == ProgrammeStatus.Discarded) return;
        var key = BucketKey.Of(state.CountryCode, ((int)state.Region).ToString("D2"), (state.ApprovedOn?.Year ?? 0).ToString("D4"));
        foreach (var outcome in state.Outcomes.Where(o => !o.Withdrawn))
        {
            AddOutcome(contributions, key, Outcomes, outcome);
            if (outcome.Classification.SdgGoals.Count == 0) contributions.Count(key, NoGoal);
            // As the in-memory grouping did: one significance per marker (the first listed), each goal as often as listed.
            foreach (var marker in outcome.Classification.PolicyMarkers.Select(m => m.Code).Distinct())
                AddOutcome(contributions, key, MarkerFigure(marker, outcome.Classification.SignificanceOf(marker)!), outcome);
            foreach (var goal in outcome.Classification.SdgGoals)
                AddOutcome(contributions, key, GoalPrefix + FigureCode.Encode(goal), outcome);
        }
    }

    /// <summary>The approval year of a bucket's programmes (the key's third part; 0: not approved).</summary>
    public static int ApprovalYearOf(Bucket bucket) => int.Parse(bucket.Parts[2]);

    /// <summary>The country of a bucket's programmes (the key's first part).</summary>
    public static string CountryOf(Bucket bucket) => bucket.Parts[0];

    internal static string MarkerFigure(string marker, string significance) =>
        $"{MarkerPrefix}{FigureCode.Encode(marker)}-{FigureCode.Encode(significance)}";

    private static void AddOutcome(Contributions contributions, string key, string figure, Outcome outcome) =>
        contributions.Count(key, figure).Add(key, figure + Need, outcome.ResourceNeedUsd).Add(key, figure + Usd, outcome.FundingMobilisedUsd);
}

/// <summary>
/// IATI codes inside figure names, which allow only ASCII letters, digits, '_' and '-': a code of
/// letters and digits (every code the codelists hold) stands for itself; any other is hex after "x_",
/// so an odd stored code can never make a programme unsavable.
/// </summary>
internal static class FigureCode
{
    private const string Escaped = "x_";

    public static string Encode(string code) => code.Length > 0 && code.All(char.IsAsciiLetterOrDigit)
        ? code : Escaped + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(code));

    public static string Decode(string figure) => figure.StartsWith(Escaped, StringComparison.Ordinal)
        ? System.Text.Encoding.UTF8.GetString(Convert.FromHexString(figure[Escaped.Length..])) : figure;
}
