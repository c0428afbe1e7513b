using System.Xml.Linq;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Iati;
using static DecentWork.ServiceDefaults.Iati.IatiXml;

namespace DecentWork.Programming.Iati;

/// <summary>
/// One IATI 2.03 iati-activity for one DWCP outcome, as the ILO publishes them. Pure: from the
/// programme as programming keeps it and its funding contributions (from partnerships' FundingApproved).
/// Element order is the schema's.
/// </summary>
public static class OutcomeActivity
{
    /// <summary>Stable across code and statement changes: the outcome's id after the reporting organisation's.</summary>
    public static string Identifier(IatiSettings settings, Outcome outcome) => $"{settings.ReportingOrgRef}-DWCP-{outcome.Id:N}";

    /// <param name="contributions">The programme's funding contributions (programming keeps them beside the programme).</param>
    public static XElement ToXml(Programme programme, Outcome outcome, IatiSettings settings, IReadOnlyList<FundingContribution> contributions)
    {
        var sources = contributions.Where(c => c.PartnerId != Guid.Empty)
            .SelectMany(c => c.ToOutcomes.Where(o => o.OutcomeId == outcome.Id)
                .Select(o => (c.ApprovalId, c.PartnerId, c.PartnerName, c.ApprovedOn, AmountUsd: o.MobilisedUsd)))
            .OrderBy(s => s.ApprovedOn).ThenBy(s => s.ApprovalId).ToList();
        return new XElement("iati-activity",
            new XAttribute("last-updated-datetime", DateTime(LastUpdated(programme))),
            new XAttribute(XNamespace.Xml + "lang", "en"),
            new XAttribute("default-currency", "USD"),
            new XAttribute("hierarchy", "1"),
            new XElement("iati-identifier", Identifier(settings, outcome)),
            Organisation("reporting-org", settings),
            new XElement("title", Narrative($"{programme.Title}: outcome {outcome.Code}")),
            new XElement("description", new XAttribute("type", "1"), Narrative(outcome.Statement)),
            sources.DistinctBy(s => s.PartnerId).Select(s => WithNarrative("participating-org", s.PartnerName, new XAttribute("role", "1"))),
            Organisation("participating-org", settings, new XAttribute("role", "2")),
            Organisation("participating-org", settings, new XAttribute("role", "4")),
            new XElement("activity-status", new XAttribute("code", ActivityStatus(programme.Status))),
            ActivityDate("1", programme.PeriodStart),
            ActivityDate("3", programme.PeriodEnd),
            new XElement("recipient-country", new XAttribute("code", CountryAlpha2.Of(programme.CountryCode) ?? ""), new XAttribute("percentage", "100")),
            IatiClassification.Sectors(outcome.Classification, [(int)outcome.StrategicObjective]),
            IatiClassification.SdgTags(outcome.Classification),
            IatiClassification.PolicyMarkers(outcome.Classification),
            YearlyBudgets(outcome.ResourceNeedUsd, programme.PeriodStart, programme.PeriodEnd),
            sources.Select(s => new XElement("transaction",
                new XElement("transaction-type", new XAttribute("code", "11")), // incoming commitment
                new XElement("transaction-date", new XAttribute("iso-date", Date(s.ApprovedOn))),
                Value(s.AmountUsd, s.ApprovedOn),
                new XElement("description", Narrative($"Funding approval {s.ApprovalId} from {s.PartnerName}")),
                new XElement("provider-org", Narrative(s.PartnerName)),
                Organisation("receiver-org", settings))),
            programme.Indicators.Any(i => i.OutcomeId == outcome.Id) ? OutcomeResults.Of(programme, outcome) : null);
    }

    /// <summary>IATI ActivityStatus: approved but not started is still pipeline; an evaluated programme is closed.</summary>
    public static string ActivityStatus(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Approved => "1",
        ProgrammeStatus.Active => "2",
        ProgrammeStatus.Completed => "3",
        ProgrammeStatus.Evaluated => "4",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Programmes in preparation are not published."),
    };

    private static DateTimeOffset LastUpdated(Programme programme) =>
        programme.History.Count > 0 ? programme.History[^1].ChangedAt : programme.RegisteredAt;
}
