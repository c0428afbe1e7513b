namespace DecentWork.Coordination.Domain;

/// <summary>The paper's Toolkit figure ("11 agencies have completed assessments") and the states behind it.</summary>
public sealed record ToolkitAssessmentReport(
    IReadOnlyList<string> CompletedAgencies, int CompletedCount, int InProgressCount, int PlannedCount,
    int CompletedWithOrganisationSupportCount, IReadOnlyList<string> CompletedCountryCodes)
{
    public static ToolkitAssessmentReport Summarise(IReadOnlyList<ToolkitAssessment> assessments)
    {
        var completed = assessments.Where(a => a.Status == ToolkitAssessmentStatus.Completed).ToList();
        return new ToolkitAssessmentReport(
            // An agency that completed both an agency-wide and a country assessment counts once.
            completed.Select(a => a.Agency).Distinct().Order(StringComparer.Ordinal).ToList(),
            completed.Count,
            assessments.Count(a => a.Status == ToolkitAssessmentStatus.InProgress),
            assessments.Count(a => a.Status == ToolkitAssessmentStatus.Planned),
            completed.Count(a => a.SupportedByOrganisation),
            completed.Where(a => a.CountryCode.Length > 0).Select(a => a.CountryCode).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}
