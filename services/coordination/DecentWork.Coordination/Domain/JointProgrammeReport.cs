namespace DecentWork.Coordination.Domain;

/// <summary>
/// The paper's joint-programme figures: "involved in 40 approved joint proposals in 50 countries",
/// "lead agency in four joint programmes on youth, employment and migration (Albania, Costa Rica,
/// Peru, and the Philippines)".
/// </summary>
public sealed record JointProgrammeReport(int ApprovedCount, int CountryCount, int ProposalCount, IReadOnlyList<JointProgramme> LedByOrganisation, decimal OrganisationShareUsd)
{
    /// <summary>The distinct countries of the approved programmes the organisation leads, by code.</summary>
    public IReadOnlyList<string> LedCountryCodes() =>
        LedByOrganisation.SelectMany(p => p.CountryCodes).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>"Approved" counts every programme past the proposal stage; fund and thematic window match ignoring case.</summary>
    public static JointProgrammeReport Summarise(IReadOnlyList<JointProgramme> programmes, string? fund, string? thematicWindow = null)
    {
        var selected = programmes.Where(p => Matches(p.Fund, fund) && Matches(p.ThematicWindow, thematicWindow)).ToList();
        var approved = selected.Where(p => p.Status != JointProgrammeStatus.Proposal).ToList();
        return new JointProgrammeReport(
            approved.Count,
            approved.SelectMany(p => p.CountryCodes).Distinct().Count(),
            selected.Count - approved.Count,
            approved.Where(p => p.LeadAgency == JointProgramme.Organisation).ToList(),
            approved.Sum(p => p.OrganisationShareUsd()));
    }

    // An empty filter selects everything.
    private static bool Matches(string value, string? filter) =>
        string.IsNullOrWhiteSpace(filter) || string.Equals(value, filter.Trim(), StringComparison.OrdinalIgnoreCase);
}
