namespace DecentWork.Coordination.Domain;

/// <summary>One pilot with the names of its groups by the organisation's role.</summary>
public sealed record PilotRoles(
    string CountryCode, int PilotSinceYear, IReadOnlyList<string> Chaired, IReadOnlyList<string> CoChaired,
    IReadOnlyList<string> Led, IReadOnlyList<string> MemberOf, bool ToolkitAssessmentCompleted);

/// <summary>
/// The Delivering-as-One report: the organisation's roles per pilot and over all pilots, and where a
/// country-level Toolkit assessment was completed (Tanzania's helped expand its "One" programme).
/// </summary>
public sealed record DeliveringAsOneReport(IReadOnlyList<PilotRoles> Pilots, int ChairCount, int CoChairCount, int LeadCount, int MemberCount, int ToolkitAssessmentCompletedCount)
{
    /// <summary>Pilots by country code; groups within a pilot keep the order they were first set.</summary>
    public static DeliveringAsOneReport Summarise(IReadOnlyList<DeliveringAsOnePilot> pilots, IReadOnlyList<ToolkitAssessment> assessments)
    {
        var assessedCountries = assessments
            .Where(a => a.Status == ToolkitAssessmentStatus.Completed && a.CountryCode.Length > 0)
            .Select(a => a.CountryCode)
            .ToHashSet(StringComparer.Ordinal);
        var rows = pilots.OrderBy(p => p.CountryCode, StringComparer.Ordinal).Select(p => new PilotRoles(
            p.CountryCode, p.PilotSinceYear,
            GroupsIn(p, OrganisationRole.Chair), GroupsIn(p, OrganisationRole.CoChair),
            GroupsIn(p, OrganisationRole.Lead), GroupsIn(p, OrganisationRole.Member),
            assessedCountries.Contains(p.CountryCode))).ToList();
        return new DeliveringAsOneReport(rows,
            rows.Sum(r => r.Chaired.Count), rows.Sum(r => r.CoChaired.Count), rows.Sum(r => r.Led.Count), rows.Sum(r => r.MemberOf.Count),
            rows.Count(r => r.ToolkitAssessmentCompleted));
    }

    private static List<string> GroupsIn(DeliveringAsOnePilot pilot, OrganisationRole role) =>
        pilot.WorkingGroups.Where(g => g.OrganisationRole == role).Select(g => g.Name).ToList();
}
