namespace DecentWork.Coordination.Domain;

/// <summary>The paper's joint-programme figures: approved proposals, their countries, where the organisation leads.</summary>
public sealed record JointProgrammeReport(int ApprovedCount, int CountryCount, int ProposalCount, IReadOnlyList<JointProgramme> LedByOrganisation, decimal OrganisationShareUsd)
{
    /// <summary>"Approved" counts every programme past the proposal stage; fund matches ignoring case.</summary>
    public static JointProgrammeReport Summarise(IReadOnlyList<JointProgramme> programmes, string? fund)
    {
        var selected = programmes.Where(p => string.IsNullOrWhiteSpace(fund) || string.Equals(p.Fund, fund.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var approved = selected.Where(p => p.Status != JointProgrammeStatus.Proposal).ToList();
        return new JointProgrammeReport(
            approved.Count,
            approved.SelectMany(p => p.CountryCodes).Distinct().Count(),
            selected.Count - approved.Count,
            approved.Where(p => p.LeadAgency == JointProgramme.Organisation).ToList(),
            approved.Sum(p => p.OrganisationShareUsd()));
    }
}
