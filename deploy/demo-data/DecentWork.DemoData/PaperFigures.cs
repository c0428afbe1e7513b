using Coordination = DecentWork.Contracts.Coordination.V1;
using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// The source paper's figures, read back from the platform's own reports through the gateway. The
/// loader prints them so whoever runs the platform sees the paper reproduced; the end-to-end test
/// compares them with the paper.
/// </summary>
public sealed record PaperFigures(
    int ProgrammesApprovedIn2007,
    int ProgrammesInPreparation,
    int DeliveringAsOnePilots,
    int JointProgrammesApproved,
    int JointProgrammeCountries,
    IReadOnlyList<string> JointProgrammesLedIn,
    int CountriesWithLinkedOutcomes,
    IReadOnlyList<string> DecentWorkGapCountries,
    int ToolkitAgenciesCompleted)
{
    private static readonly Programming.ProgrammeStatus[] Preparation =
        [Programming.ProgrammeStatus.Draft, Programming.ProgrammeStatus.InConsultation, Programming.ProgrammeStatus.UnderQualityAssurance];

    public static async Task<PaperFigures> ReadAsync(Platform platform)
    {
        var byStatus = await platform.Programming.ReportProgrammesByStatusAsync(new Programming.ReportProgrammesByStatusRequest());
        var pilots = await platform.Coordination.ListDeliveringAsOnePilotsAsync(new Coordination.ListDeliveringAsOnePilotsRequest { PageSize = 50 });
        var joint = await platform.Coordination.SummariseJointProgrammesAsync(new Coordination.SummariseJointProgrammesRequest());
        var coherence = await platform.Coordination.ListCountryCoherenceAsync(new Coordination.ListCountryCoherenceRequest { PageSize = 500 });
        var gaps = await platform.Coordination.ListDecentWorkGapsAsync(new Coordination.ListDecentWorkGapsRequest { PageSize = 500 });
        var toolkit = await platform.Coordination.SummariseToolkitAssessmentsAsync(new Coordination.SummariseToolkitAssessmentsRequest());
        return new PaperFigures(
            ProgrammesApprovedIn2007: byStatus.Rows.Where(r => r.ApprovalYear == 2007).Sum(r => r.ProgrammeCount),
            ProgrammesInPreparation: byStatus.Rows.Where(r => Preparation.Contains(r.Status)).Sum(r => r.ProgrammeCount),
            DeliveringAsOnePilots: pilots.TotalSize,
            JointProgrammesApproved: joint.ApprovedCount,
            JointProgrammeCountries: joint.CountryCount,
            JointProgrammesLedIn: [.. joint.LedByOrganisation.SelectMany(j => j.CountryCodes).Order(StringComparer.Ordinal)],
            CountriesWithLinkedOutcomes: coherence.Countries.Count(c => c.LinkedOutcomeCount > 0),
            DecentWorkGapCountries: [.. gaps.Countries.Select(g => g.CountryCode)],
            ToolkitAgenciesCompleted: toolkit.CompletedAgencyCount);
    }

    public void WriteTo(TextWriter log)
    {
        log.WriteLine("paper figures from the platform's reports:");
        log.WriteLine($"  programming: {ProgrammesApprovedIn2007} DWCPs approved in 2007 (paper: 27), {ProgrammesInPreparation} in preparation (paper: 80)");
        log.WriteLine($"  coordination: {DeliveringAsOnePilots} Delivering-as-One pilots (paper: 8); {JointProgrammesApproved} approved joint programmes in {JointProgrammeCountries} countries (paper: 40 in 50), led in {string.Join(", ", JointProgrammesLedIn)} (paper: Albania, Costa Rica, Peru, the Philippines)");
        log.WriteLine($"  coordination: {CountriesWithLinkedOutcomes} countries with DWCP outcomes linked to their UNDAF; decent work missing from the active UNDAF in {string.Join(", ", DecentWorkGapCountries)}");
        log.WriteLine($"  coordination: {ToolkitAgenciesCompleted} agencies completed a Toolkit assessment (paper: 11)");
    }
}
