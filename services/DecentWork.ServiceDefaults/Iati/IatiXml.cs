using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DecentWork.ServiceDefaults.Iati;

/// <summary>The small pieces every IATI element is made of: narratives, dates, values.</summary>
public static class IatiXml
{
    public static XElement Narrative(string text) => new("narrative", Clean(text));

    public static XElement WithNarrative(string element, string text, params object[] attributes) =>
        new(element, attributes, Narrative(text));

    /// <summary>The reporting organisation as reporting-org, participating-org (with a role) or receiver-org.</summary>
    public static XElement Organisation(string element, IatiSettings settings, params object[] attributes) =>
        new(element, new XAttribute("ref", settings.ReportingOrgRef), new XAttribute("type", IatiSettings.MultilateralType), attributes,
            Narrative(settings.ReportingOrgName));

    public static XElement ActivityDate(string type, DateOnly date) =>
        new("activity-date", new XAttribute("type", type), new XAttribute("iso-date", Date(date)));

    /// <summary>One budget per calendar year of the period (IATI budgets span a year at most), the amount split by days.</summary>
    public static IEnumerable<XElement> YearlyBudgets(decimal amount, DateOnly start, DateOnly end) =>
        SplitByYear(amount, start, end).Select(year => new XElement("budget", new XAttribute("type", "1"), new XAttribute("status", "1"),
            Bounds(year.Start, year.End), Value(year.Amount, year.Start)));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An exact decimal, never in exponent form, as xsd:decimal wants it.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.############", CultureInfo.InvariantCulture);

    public static XElement Value(decimal amount, DateOnly valueDate, string currency = "USD") =>
        new("value", new XAttribute("currency", currency), new XAttribute("value-date", Date(valueDate)), Amount(amount));

    /// <summary>The period-start and period-end pair of budgets and result periods.</summary>
    public static XElement[] Bounds(DateOnly start, DateOnly end) =>
        [new XElement("period-start", new XAttribute("iso-date", Date(start))), new XElement("period-end", new XAttribute("iso-date", Date(end)))];

    /// <summary>Free text typed by users may hold characters XML cannot carry; they are dropped rather than failing the whole export.</summary>
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text[i]).Append(text[++i]);
        }
        return kept.ToString();
    }

    /// <summary>Calendar years a period touches, each clipped to the period: IATI budgets may not span more than a year.</summary>
    public static IEnumerable<(DateOnly Start, DateOnly End)> Years(DateOnly start, DateOnly end)
    {
        for (var year = start.Year; year <= end.Year; year++)
        {
            var from = year == start.Year ? start : new DateOnly(year, 1, 1);
            var to = year == end.Year ? end : new DateOnly(year, 12, 31);
            yield return (from, to);
        }
    }

    /// <summary>An amount split over the years in proportion to their days, in cents, the remainder in the last year, so the parts add up exactly.</summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End, decimal Amount)> SplitByYear(decimal amount, DateOnly start, DateOnly end)
    {
        var years = Years(start, end).ToList();
        var totalDays = (decimal)(end.DayNumber - start.DayNumber + 1);
        var parts = new List<(DateOnly, DateOnly, decimal)>();
        var given = 0m;
        for (var i = 0; i < years.Count; i++)
        {
            var (from, to) = years[i];
            var share = i == years.Count - 1 ? amount - given : decimal.Round(amount * (to.DayNumber - from.DayNumber + 1) / totalDays, 2);
            given += share;
            parts.Add((from, to, share));
        }
        return parts;
    }
}
