using System.Globalization;
using System.Xml.Linq;
using DecentWork.ServiceDefaults.Classification;
using static DecentWork.ServiceDefaults.Iati.IatiXml;

namespace DecentWork.ServiceDefaults.Iati;

/// <summary>Sectors, SDG tags and policy markers of an activity, from its classification.</summary>
public static class IatiClassification
{
    /// <summary>
    /// The DAC sectors (vocabulary 1) when classified; otherwise the ILO strategic objectives served,
    /// as the reporting organisation's own sectors (vocabulary 99) sharing 100 per cent, so every
    /// activity has a sector as the Standard requires without inventing a DAC code.
    /// </summary>
    public static IEnumerable<XElement> Sectors(WorkClassification classification, IReadOnlyList<int> strategicObjectives)
    {
        if (classification.Sectors.Count > 0)
            return classification.Sectors.Select(s => new XElement("sector", new XAttribute("vocabulary", "1"), new XAttribute("code", s.Code),
                new XAttribute("percentage", Amount(s.Percentage))));
        IReadOnlyList<int> objectives = strategicObjectives.Count > 0 ? strategicObjectives : [0];
        return objectives.Zip(Shares(objectives.Count), (objective, share) => WithNarrative("sector", StrategicObjectiveName(objective),
            new XAttribute("vocabulary", "99"), new XAttribute("code", objective.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("percentage", Amount(share))));
    }

    /// <summary>100 per cent in <paramref name="parts"/> equal shares of two decimals, the remainder on the last.</summary>
    public static IEnumerable<decimal> Shares(int parts)
    {
        var each = decimal.Round(100m / parts, 2, MidpointRounding.ToZero);
        for (var i = 0; i < parts; i++) yield return i == parts - 1 ? 100m - each * (parts - 1) : each;
    }

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
        _ => "Not yet linked to an ILO strategic objective",
    };
}
