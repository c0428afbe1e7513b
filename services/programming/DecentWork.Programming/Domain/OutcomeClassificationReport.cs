using System.Globalization;
using DecentWork.ServiceDefaults.Classification;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>Outcomes of one marker and significance (empty: not scored on it), or of one SDG goal, with their money.</summary>
public sealed record OutcomeClassificationRow(string Code, string Significance, int OutcomeCount, decimal ResourceNeedUsd, decimal FundingMobilisedUsd);

/// <summary>
/// The reports by policy marker and by SDG goal over outcomes not withdrawn: a pure function of the
/// <see cref="OutcomeClassificationProjection"/> buckets the caller may see, in the country group
/// asked for. Rows and order are those of <see cref="ClassificationGroups"/>: every marker scored
/// plus gender and disability, each significance found then the outcomes not scored on the
/// marker; every goal served, by number.
/// </summary>
public sealed record OutcomeClassificationReport(int OutcomeCount, int OutcomesWithoutGoal,
    IReadOnlyList<OutcomeClassificationRow> ByPolicyMarker, IReadOnlyList<OutcomeClassificationRow> BySdgGoal)
{
    public static OutcomeClassificationReport From(IEnumerable<Bucket> buckets)
    {
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var bucket in buckets)
            foreach (var (figure, amount) in bucket.Figures)
                figures[figure] = figures.GetValueOrDefault(figure) + amount;
        var all = Totals(figures, OutcomeClassificationProjection.Outcomes);

        // A figure left at zero by an outcome that moved away is no longer a group.
        var scored = Groups(figures, OutcomeClassificationProjection.MarkerPrefix)
            .Select(code => (Marker: code[..code.IndexOf('-')], Significance: code[(code.IndexOf('-') + 1)..]))
            .Select(s => (Marker: FigureCode.Decode(s.Marker), Significance: FigureCode.Decode(s.Significance),
                Row: Totals(figures, OutcomeClassificationProjection.MarkerFigure(FigureCode.Decode(s.Marker), FigureCode.Decode(s.Significance)))))
            .ToList();
        var byMarker = new List<OutcomeClassificationRow>();
        foreach (var marker in scored.Select(s => s.Marker).Concat(ClassificationGroups.AlwaysReportedMarkers).Distinct().OrderBy(AsNumber))
        {
            var ofMarker = scored.Where(s => s.Marker == marker).OrderBy(s => AsNumber(s.Significance)).ToList();
            byMarker.AddRange(ofMarker.Select(s => s.Row with { Code = marker, Significance = s.Significance }));
            byMarker.Add(new OutcomeClassificationRow(marker, "", all.OutcomeCount - ofMarker.Sum(s => s.Row.OutcomeCount),
                all.ResourceNeedUsd - ofMarker.Sum(s => s.Row.ResourceNeedUsd), all.FundingMobilisedUsd - ofMarker.Sum(s => s.Row.FundingMobilisedUsd)));
        }
        var byGoal = Groups(figures, OutcomeClassificationProjection.GoalPrefix).Select(FigureCode.Decode).OrderBy(AsNumber)
            .Select(goal => Totals(figures, OutcomeClassificationProjection.GoalPrefix + FigureCode.Encode(goal)) with { Code = goal })
            .ToList();
        return new OutcomeClassificationReport(all.OutcomeCount, (int)figures.GetValueOrDefault(OutcomeClassificationProjection.NoGoal), byMarker, byGoal);
    }

    // The group codes under a prefix: count figures (no "-need"/"-usd" suffix) above zero.
    private static IEnumerable<string> Groups(Dictionary<string, decimal> figures, string prefix) =>
        figures.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && f.Value > 0
                && !f.Key.EndsWith(OutcomeClassificationProjection.Need, StringComparison.Ordinal)
                && !f.Key.EndsWith(OutcomeClassificationProjection.Usd, StringComparison.Ordinal))
            .Select(f => f.Key[prefix.Length..]);

    private static OutcomeClassificationRow Totals(Dictionary<string, decimal> figures, string figure) =>
        new("", "", (int)figures.GetValueOrDefault(figure), figures.GetValueOrDefault(figure + OutcomeClassificationProjection.Need),
            figures.GetValueOrDefault(figure + OutcomeClassificationProjection.Usd));

    private static int AsNumber(string code) => int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
