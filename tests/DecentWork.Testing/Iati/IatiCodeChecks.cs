using System.Collections.Concurrent;
using System.Xml.Linq;

namespace DecentWork.Testing.Iati;

/// <summary>Every coded attribute the platform writes, checked against the official codelist XML files.</summary>
public static class IatiCodeChecks
{
    private static readonly ConcurrentDictionary<string, HashSet<string>> _lists = new();

    /// <summary>(element, attribute, codelist), with a vocabulary condition where the list depends on it.</summary>
    private static readonly (string Element, string Attribute, string List, Func<XElement, bool>? When)[] _coded =
    [
        ("activity-status", "code", "ActivityStatus", null),
        ("activity-date", "type", "ActivityDateType", null),
        ("participating-org", "role", "OrganisationRole", null),
        ("participating-org", "type", "OrganisationType", null),
        ("reporting-org", "type", "OrganisationType", null),
        ("recipient-country", "code", "Country", null),
        ("sector", "vocabulary", "SectorVocabulary", null),
        ("sector", "code", "Sector", e => (string?)e.Attribute("vocabulary") is null or "1"),
        ("tag", "vocabulary", "TagVocabulary", null),
        ("tag", "code", "UNSDG-Goals", e => (string?)e.Attribute("vocabulary") == "2"),
        ("tag", "code", "UNSDG-Targets", e => (string?)e.Attribute("vocabulary") == "3"),
        ("policy-marker", "vocabulary", "PolicyMarkerVocabulary", null),
        ("policy-marker", "code", "PolicyMarker", e => (string?)e.Attribute("vocabulary") is null or "1"),
        ("policy-marker", "significance", "PolicySignificance", null),
        ("budget", "type", "BudgetType", null),
        ("budget", "status", "BudgetStatus", null),
        ("total-budget", "status", "BudgetStatus", null),
        ("recipient-country-budget", "status", "BudgetStatus", null),
        ("transaction-type", "code", "TransactionType", null),
        ("value", "currency", "Currency", null),
        ("description", "type", "DescriptionType", e => e.Parent?.Name.LocalName == "iati-activity"),
        ("related-activity", "type", "RelatedActivityType", null),
        ("result", "type", "ResultType", null),
        ("indicator", "measure", "IndicatorMeasure", null),
        ("iati-activity", "default-currency", "Currency", null),
        ("iati-organisation", "default-currency", "Currency", null),
    ];

    public static IEnumerable<string> Check(XDocument document)
    {
        foreach (var element in document.Descendants())
        {
            foreach (var (name, attribute, list, when) in _coded)
            {
                if (element.Name.LocalName != name || element.Attribute(attribute) is not { } found || (when is not null && !when(element))) continue;
                if (!Codes(list).Contains(found.Value))
                    yield return $"codelist {list}: '{found.Value}' in {name}/@{attribute} ({IatiValidator.At(element)}) is not an active code";
            }
            if (element.Attribute(XNamespace.Xml + "lang") is { } lang && !Codes("Language").Contains(lang.Value))
                yield return $"codelist Language: '{lang.Value}' ({IatiValidator.At(element)})";
        }
    }

    /// <summary>The active codes of one official list (withdrawn codes are not for new data).</summary>
    public static HashSet<string> Codes(string list) => _lists.GetOrAdd(list, name =>
        XDocument.Load(SharedReference.Path("iati", "2.03", "codelists", $"{name}.xml"))
            .Descendants("codelist-item")
            .Where(i => (string?)i.Attribute("status") is null or "active")
            .Select(i => i.Element("code")!.Value.Trim())
            .ToHashSet(StringComparer.Ordinal));
}
