using System.Globalization;
using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>Indicators of outcomes and the progress reported against them.</summary>
public sealed partial class Programme
{
    public List<Indicator> Indicators { get; private set; } = [];

    /// <summary>Part of the results framework that quality assurance judges, so it changes the content revision.</summary>
    public Indicator AddIndicator(Guid outcomeId, string description, IndicatorKind kind, string unit, string baseline, string target, DateOnly targetDate, Change change)
    {
        EnsureContentCanChange();
        var outcome = ActiveOutcome(outcomeId);
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("An indicator is a number, a percentage or qualitative.");
        if (kind != IndicatorKind.Number && unit.Length > 0) throw new DomainRuleException("Only number indicators have a unit.");
        EnsureValueFits(kind, baseline, "baseline");
        EnsureValueFits(kind, target, "target");
        var indicator = new Indicator
        {
            Id = Guid.NewGuid(), OutcomeId = outcome.Id, Description = description.Trim(), Kind = kind, Unit = unit.Trim(),
            Baseline = baseline.Trim(), Target = target.Trim(), TargetDate = targetDate,
        };
        Indicators.Add(indicator);
        ContentChanged(change, "IndicatorAdded", $"{outcome.Code}: {indicator.Description} ({indicator.Baseline} -> {indicator.Target} by {targetDate:yyyy-MM-dd})");
        return indicator;
    }

    /// <summary>Monitoring happens during implementation; a final report may follow completion.</summary>
    public ProgressReport RecordIndicatorProgress(Guid indicatorId, DateOnly reportedOn, string actual, string comment, Change change,
        IReadOnlyList<ActualPart>? breakdown = null)
    {
        if (Status is not (ProgrammeStatus.Active or ProgrammeStatus.Completed))
            throw new DomainRuleException($"Progress is reported while the programme is Active or Completed; it is {ProtoNames.Of(Status)}.");
        var indicator = Indicators.FirstOrDefault(i => i.Id == indicatorId)
            ?? throw new DomainRuleException($"The programme has no indicator {indicatorId}.");
        EnsureValueFits(indicator.Kind, actual, "actual value");
        DateRules.EnsureHappened(reportedOn, change.At, "A progress report");
        DateRules.EnsureWithin(reportedOn, PeriodStart, PeriodEnd, "A progress report");
        var parts = ActualBreakdown.Normalise(breakdown ?? []);
        if (ActualBreakdown.Problems(indicator.Kind, actual, parts).Select(p => $"{p.Field} {p.Description}").FirstOrDefault() is { } problem)
            throw new DomainRuleException($"The breakdown does not fit the actual value: {problem}.");
        var report = new ProgressReport { ReportedOn = reportedOn, Actual = actual.Trim(), Comment = comment.Trim(), Breakdown = parts };
        indicator.Progress.Add(report);
        Record(change, "IndicatorProgressRecorded", $"{indicator.Description}: {report.Actual} on {reportedOn:yyyy-MM-dd}{ActualBreakdown.Describe(parts)}");
        return report;
    }

    private static void EnsureValueFits(IndicatorKind kind, string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainRuleException($"An indicator needs a {what}.");
        if (kind != IndicatorKind.Qualitative && !TryParseValue(value, out _))
            throw new DomainRuleException($"The {what} of a {kind} indicator must be a decimal number, e.g. 42.5; got '{value}'.");
    }

    /// <summary>Invariant-culture decimals, so "42.5" means the same on every server.</summary>
    public static bool TryParseValue(string value, out decimal parsed) =>
        decimal.TryParse(value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out parsed);
}
