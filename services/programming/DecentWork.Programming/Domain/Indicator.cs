namespace DecentWork.Programming.Domain;

public enum IndicatorKind
{
    Number = 1,
    Percentage = 2,
    Qualitative = 3,
}

/// <summary>How progress towards an outcome is measured. Values are kept as text: decimals for number and percentage, prose for qualitative.</summary>
public sealed class Indicator
{
    public Guid Id { get; set; }
    public Guid OutcomeId { get; set; }
    public string Description { get; set; } = "";
    public IndicatorKind Kind { get; set; }
    public string Unit { get; set; } = "";
    public string Baseline { get; set; } = "";
    public string Target { get; set; } = "";
    public DateOnly TargetDate { get; set; }
    public List<ProgressReport> Progress { get; set; } = [];

    /// <summary>The latest report by the day observed (the later recorded one on a tie).</summary>
    public ProgressReport? Latest() => Progress.OrderBy(p => p.ReportedOn).LastOrDefault();

    /// <summary>How far from baseline to target the latest actual is, in percent; null for qualitative, unreported or baseline = target.</summary>
    public decimal? PercentOfTarget()
    {
        if (Kind == IndicatorKind.Qualitative || Latest() is not { } latest) return null;
        if (!Programme.TryParseValue(Baseline, out var from) || !Programme.TryParseValue(Target, out var to)
            || !Programme.TryParseValue(latest.Actual, out var actual) || to == from) return null;
        return Math.Round((actual - from) / (to - from) * 100m, 1, MidpointRounding.AwayFromZero);
    }
}

public sealed class ProgressReport
{
    public DateOnly ReportedOn { get; set; }
    public string Actual { get; set; } = "";
    public string Comment { get; set; } = "";
    /// <summary>The actual by sex and other dimensions; empty when only the total was reported (and on older reports).</summary>
    public List<ActualPart> Breakdown { get; set; } = [];
}
