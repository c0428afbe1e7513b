using System.Xml.Linq;
using DecentWork.ServiceDefaults.Classification;
using static DecentWork.Programming.Iati.IatiXml;

namespace DecentWork.Programming.Iati;

/// <summary>Sectors, SDG tags and policy markers of an activity, from its classification.</summary>
internal static class Classification
{
    /// <summary>
    /// The DAC sectors (vocabulary 1) when classified; otherwise the strategic objective as the
    /// reporting organisation's own sector (vocabulary 99), so every activity has a sector as the
    /// Standard requires without inventing a DAC code.
    /// </summary>
    public static IEnumerable<XElement> Sectors(WorkClassification classification, int strategicObjective) =>
        classification.Sectors.Count > 0
            ? classification.Sectors.Select(s => new XElement("sector", new XAttribute("vocabulary", "1"), new XAttribute("code", s.Code),
                new XAttribute("percentage", Amount(s.Percentage))))
            : [WithNarrative("sector", StrategicObjectiveName(strategicObjective), new XAttribute("vocabulary", "99"),
                new XAttribute("code", strategicObjective.ToString(System.Globalization.CultureInfo.InvariantCulture)), new XAttribute("percentage", "100"))];

    /// <summary>SDG goals (tag vocabulary 2) and targets (vocabulary 3).</summary>
    public static IEnumerable<XElement> SdgTags(WorkClassification classification) =>
        classification.SdgGoals.Select(g => new XElement("tag", new XAttribute("vocabulary", "2"), new XAttribute("code", g)))
            .Concat(classification.SdgTargets.Select(t => new XElement("tag", new XAttribute("vocabulary", "3"), new XAttribute("code", t))));

    /// <summary>OECD DAC CRS policy markers (vocabulary 1).</summary>
    public static IEnumerable<XElement> PolicyMarkers(WorkClassification classification) =>
        classification.PolicyMarkers.Select(m => new XElement("policy-marker", new XAttribute("vocabulary", "1"), new XAttribute("code", m.Code),
            new XAttribute("significance", m.Significance)));

    private static string StrategicObjectiveName(int objective) => objective switch
    {
        1 => "ILO strategic objective: standards and fundamental principles and rights at work",
        2 => "ILO strategic objective: employment",
        3 => "ILO strategic objective: social protection",
        4 => "ILO strategic objective: social dialogue",
        _ => "ILO strategic objective",
    };
}
