using System.Xml.Linq;
using DecentWork.Programming.Domain;
using static DecentWork.ServiceDefaults.Iati.IatiXml;

namespace DecentWork.Programming.Iati;

/// <summary>
/// The outcome as an IATI result (type 2, outcome) with its indicators: the baseline in the
/// programme's first year, and one period from the programme's start to the indicator's target
/// date carrying the target and the latest actual. Progress is not recorded by sex, so no
/// dimension is written.
/// </summary>
internal static class OutcomeResults
{
    public static XElement Of(Programme programme, Outcome outcome) =>
        new("result", new XAttribute("type", "2"),
            new XElement("title", Narrative(outcome.Statement)),
            programme.Indicators.Where(i => i.OutcomeId == outcome.Id).Select(i => Indicator(programme, i)));

    private static XElement Indicator(Programme programme, Indicator indicator)
    {
        var qualitative = indicator.Kind == IndicatorKind.Qualitative;
        var latest = indicator.Latest();
        var periodEnd = indicator.TargetDate > programme.PeriodStart ? indicator.TargetDate : programme.PeriodEnd;
        return new XElement("indicator", new XAttribute("measure", Measure(indicator.Kind)), qualitative ? null : new XAttribute("ascending", "1"),
            new XElement("title", Narrative(indicator.Description)),
            Value("baseline", indicator.Baseline, qualitative, new XAttribute("year", programme.PeriodStart.Year)),
            new XElement("period", Bounds(programme.PeriodStart, periodEnd),
                Value("target", indicator.Target, qualitative),
                latest is null ? null : Value("actual", latest.Actual, qualitative)));
    }

    /// <summary>Numbers go in @value; qualitative text in a comment, as IATI wants for measure 5.</summary>
    private static XElement Value(string element, string value, bool qualitative, params object[] attributes) =>
        qualitative
            ? new XElement(element, attributes, new XElement("comment", Narrative(value)))
            : new XElement(element, attributes, new XAttribute("value", value));

    /// <summary>IATI IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative.</summary>
    private static string Measure(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Number => "1",
        IndicatorKind.Percentage => "2",
        _ => "5",
    };
}
