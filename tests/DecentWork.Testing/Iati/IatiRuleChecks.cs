using System.Globalization;
using System.Xml.Linq;

namespace DecentWork.Testing.Iati;

/// <summary>
/// The rules of the IATI 2.03 ruleset (rulesets/standard.json) that bear on what the platform
/// publishes, each named by its rule id. Rules about elements the platform never writes
/// (locations, planned disbursements, loans, humanitarian scope, …) are left out.
/// </summary>
public static class IatiRuleChecks
{
    public static IEnumerable<string> Activities(XDocument document, DateTimeOffset now)
    {
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in document.Root!.Elements("iati-activity"))
        {
            var id = activity.Element("iati-identifier")?.Value.Trim() ?? "";
            var reporter = (string?)activity.Element("reporting-org")?.Attribute("ref") ?? "";
            var at = $"activity {id}";
            if (!identifiers.Add(id)) yield return $"{at}: identifier repeated in the file";
            if (id == reporter) yield return $"1.1.3 {at}: identifier equals the reporting organisation's";
            if (!id.StartsWith(reporter + "-", StringComparison.Ordinal)) yield return $"1.1.21 {at}: identifier does not start with '{reporter}-'";
            var dates = activity.Elements("activity-date").ToLookup(d => (string?)d.Attribute("type"), d => Day(d.Attribute("iso-date")));
            if (!dates["1"].Any() && !dates["2"].Any()) yield return $"6.11.1 {at}: no planned or actual start date";
            foreach (var problem in Order(dates["1"], dates["3"], $"11.1.2 {at}: planned start after planned end")) yield return problem;
            foreach (var problem in Order(dates["2"], dates["4"], $"11.1.3 {at}: actual start after actual end")) yield return problem;
            if (dates["2"].Concat(dates["4"]).Any(d => d > Today(now))) yield return $"11.1.4/5 {at}: an actual date is in the future";
            if (!activity.Elements("sector").Any() && !activity.Elements("transaction").Any(t => t.Element("sector") is not null))
                yield return $"6.2.2 {at}: no sector";
            if (activity.Attribute(XNamespace.Xml + "lang") is null && activity.Descendants("narrative").Any(n => n.Attribute(XNamespace.Xml + "lang") is null))
                yield return $"4.1.1 {at}: no default language and a narrative without one";
            if (activity.Attribute("default-currency") is null && activity.Descendants("value").Any(v => v.Attribute("currency") is null))
                yield return $"7.8.1 {at}: no default currency and a value without one";
            if (DateTimeOffset.Parse((string)activity.Attribute("last-updated-datetime")!, CultureInfo.InvariantCulture) > now)
                yield return $"11.1.1 {at}: last-updated-datetime in the future";
            foreach (var vocabulary in activity.Elements("sector").GroupBy(s => (string?)s.Attribute("vocabulary") ?? "1"))
                if (vocabulary.Count() > 1 && Sum(vocabulary, "percentage") != 100m)
                    yield return $"2.1.2 {at}: sector percentages of vocabulary {vocabulary.Key} sum to {Sum(vocabulary, "percentage")}";
            var countries = activity.Elements("recipient-country").ToList();
            if (countries.Count > 1 && !activity.Elements("recipient-region").Any() && Sum(countries, "percentage") != 100m)
                yield return $"3.1.2 {at}: recipient-country percentages do not sum to 100";
            foreach (var budget in activity.Elements("budget"))
                foreach (var problem in Period(budget, $"8.6.3/7.5.3 {at}: budget")) yield return problem;
            foreach (var date in activity.Elements("transaction").Select(t => Day(t.Element("transaction-date")?.Attribute("iso-date"))))
                if (date > Today(now)) yield return $"11.2.1 {at}: transaction dated in the future";
            foreach (var indicator in activity.Descendants("indicator"))
                foreach (var problem in Indicator(indicator, at)) yield return problem;
        }
    }

    public static IEnumerable<string> Organisations(XDocument document, DateTimeOffset now)
    {
        foreach (var organisation in document.Root!.Elements("iati-organisation"))
        {
            var id = organisation.Element("organisation-identifier")?.Value.Trim() ?? "";
            var reporter = (string?)organisation.Element("reporting-org")?.Attribute("ref") ?? "";
            if (id != reporter) yield return $"organisation {id}: reporting-org ref '{reporter}' differs from the organisation identifier";
            if (organisation.Attribute("last-updated-datetime") is { } updated && DateTimeOffset.Parse(updated.Value, CultureInfo.InvariantCulture) > now)
                yield return $"organisation {id}: last-updated-datetime in the future";
            foreach (var budget in organisation.Elements().Where(e => e.Name.LocalName.EndsWith("-budget", StringComparison.Ordinal)))
                foreach (var problem in Period(budget, $"organisation {id}: {budget.Name.LocalName}")) yield return problem;
        }
    }

    private static IEnumerable<string> Indicator(XElement indicator, string at)
    {
        var quantitative = (string?)indicator.Attribute("measure") is "1" or "2" or "3" or "4";
        if (quantitative && indicator.Elements("baseline").Any(b => !IsNumber(b.Attribute("value"))))
            yield return $"8.8.1/2 {at}: a non-qualitative indicator's baseline has no number";
        foreach (var period in indicator.Elements("period"))
        {
            foreach (var problem in Period(period, $"{at}: indicator period", oneYearAtMost: false)) yield return problem;
            if (quantitative && period.Elements("target").Concat(period.Elements("actual")).Any(v => !IsNumber(v.Attribute("value"))))
                yield return $"8.x {at}: a non-qualitative target or actual has no number";
            if (!quantitative && period.Elements("target").Concat(period.Elements("actual")).Any(v => v.Attribute("value") is not null))
                yield return $"8.x {at}: a qualitative target or actual carries a value";
        }
    }

    private static IEnumerable<string> Period(XElement parent, string what, bool oneYearAtMost = true)
    {
        var start = Day(parent.Element("period-start")?.Attribute("iso-date"));
        var end = Day(parent.Element("period-end")?.Attribute("iso-date"));
        if (start > end) yield return $"{what} starts after it ends";
        if (oneYearAtMost && end > start.AddYears(1).AddDays(-1)) yield return $"{what} is longer than a year";
    }

    private static IEnumerable<string> Order(IEnumerable<DateOnly> earlier, IEnumerable<DateOnly> later, string problem)
    {
        if (earlier.Any() && later.Any() && earlier.Max() > later.Min()) yield return problem;
    }

    private static decimal Sum(IEnumerable<XElement> elements, string attribute) =>
        elements.Sum(e => decimal.Parse((string?)e.Attribute(attribute) ?? "0", CultureInfo.InvariantCulture));

    private static bool IsNumber(XAttribute? value) =>
        value is not null && decimal.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static DateOnly Day(XAttribute? isoDate) =>
        DateOnly.ParseExact(isoDate?.Value[..10] ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
