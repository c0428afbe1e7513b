using System.Xml.Linq;
using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Iati;
using static DecentWork.ServiceDefaults.Iati.IatiXml;

namespace DecentWork.Partnerships.Iati;

/// <summary>
/// One IATI 2.03 iati-activity for one technical-cooperation project, a child of the DWCP outcome
/// activities it serves (related-activity type 1, parent). The parents' identifiers follow
/// programming's rule (the reporting organisation, "-DWCP-", the outcome id), so the two files
/// link up without either service asking the other. Pure; element order is the schema's.
/// </summary>
public static class ProjectActivity
{
    public static string Identifier(IatiSettings settings, Project project) => $"{settings.ReportingOrgRef}-TC-{project.Id:N}";

    /// <summary>The identifier programming publishes for a DWCP outcome.</summary>
    public static string OutcomeIdentifier(IatiSettings settings, Guid outcomeId) => $"{settings.ReportingOrgRef}-DWCP-{outcomeId:N}";

    /// <summary>Approved and later (implementation, finalisation, closed, cancelled, suspended); the pipeline is never published.</summary>
    public static bool IsPublished(ProjectStatus status) => status is not (ProjectStatus.Pipeline or ProjectStatus.Withdrawn);

    public static XElement ToXml(Project project, IReadOnlyDictionary<Guid, string> partnerNames, IatiSettings settings, DateTimeOffset lastUpdated)
    {
        var countries = project.CountryCodes.Select(c => CountryAlpha2.Of(c) ?? "").ToList();
        return new XElement("iati-activity",
            new XAttribute("last-updated-datetime", DateTime(lastUpdated)),
            new XAttribute(XNamespace.Xml + "lang", "en"),
            new XAttribute("default-currency", "USD"),
            new XAttribute("hierarchy", "2"),
            new XElement("iati-identifier", Identifier(settings, project)),
            Organisation("reporting-org", settings),
            new XElement("title", Narrative($"{project.Code}: {project.Title}")),
            // The schema requires a description; a project keeps none of its own, so it says what the activity is.
            new XElement("description", new XAttribute("type", "1"),
                Narrative($"Technical cooperation project {project.Code} ({project.Title}), serving {project.OutcomeIds.Count} Decent Work Country Programme outcome(s).")),
            project.PartnerIds.Select(id => WithNarrative("participating-org", partnerNames.GetValueOrDefault(id, "Funding partner"), new XAttribute("role", "1"))),
            Organisation("participating-org", settings, new XAttribute("role", "2")),
            Organisation("participating-org", settings, new XAttribute("role", "4")),
            // The platform's project statuses are IATI's ActivityStatus codes.
            new XElement("activity-status", new XAttribute("code", ((int)project.Status).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ActivityDate("1", project.StartDate),
            ActivityDate("3", project.EndDate),
            countries.Zip(IatiClassification.Shares(countries.Count), (code, share) => new XElement("recipient-country",
                new XAttribute("code", code), new XAttribute("percentage", Amount(share)))),
            IatiClassification.Sectors(project.Classification, project.StrategicObjectives),
            IatiClassification.SdgTags(project.Classification),
            IatiClassification.PolicyMarkers(project.Classification),
            YearlyBudgets(project.BudgetUsd, project.StartDate, project.EndDate),
            project.OutcomeIds.Select(id => new XElement("related-activity", new XAttribute("ref", OutcomeIdentifier(settings, id)), new XAttribute("type", "1"))));
    }
}
