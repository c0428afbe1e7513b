using System.Xml.Linq;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Iati;
using static DecentWork.ServiceDefaults.Iati.IatiXml;

namespace DecentWork.Programming.Iati;

/// <summary>
/// The organisation file's budgets: the resource need of published outcomes (not withdrawn), split
/// over calendar years as each activity's budgets are, totalled per year and per recipient country
/// and year. Fed one programme at a time, so the export never holds the portfolio in memory.
/// </summary>
public sealed class OrganisationBudgets
{
    private readonly SortedDictionary<int, decimal> _byYear = [];
    private readonly SortedDictionary<(string Country, int Year), decimal> _byCountryYear = [];

    public void Add(Programme programme)
    {
        foreach (var outcome in programme.Outcomes.Where(o => !o.Withdrawn))
            foreach (var (start, _, amount) in SplitByYear(outcome.ResourceNeedUsd, programme.PeriodStart, programme.PeriodEnd))
            {
                _byYear[start.Year] = _byYear.GetValueOrDefault(start.Year) + amount;
                var key = (programme.CountryCode, start.Year);
                _byCountryYear[key] = _byCountryYear.GetValueOrDefault(key) + amount;
            }
    }

    public IReadOnlyDictionary<int, decimal> ByYear => _byYear;

    public XElement ToXml(IatiSettings settings, DateTimeOffset lastUpdated) =>
        new("iati-organisation",
            new XAttribute("last-updated-datetime", IatiXml.DateTime(lastUpdated)),
            new XAttribute(XNamespace.Xml + "lang", "en"),
            new XAttribute("default-currency", "USD"),
            new XElement("organisation-identifier", settings.ReportingOrgRef),
            new XElement("name", Narrative(settings.ReportingOrgName)),
            Organisation("reporting-org", settings),
            _byYear.Select(year => new XElement("total-budget", new XAttribute("status", "1"),
                Bounds(new DateOnly(year.Key, 1, 1), new DateOnly(year.Key, 12, 31)), Value(year.Value, new DateOnly(year.Key, 1, 1)))),
            _byCountryYear.Select(entry => new XElement("recipient-country-budget", new XAttribute("status", "1"),
                new XElement("recipient-country", new XAttribute("code", CountryAlpha2.Of(entry.Key.Country) ?? "")),
                Bounds(new DateOnly(entry.Key.Year, 1, 1), new DateOnly(entry.Key.Year, 12, 31)), Value(entry.Value, new DateOnly(entry.Key.Year, 1, 1)))));
}
