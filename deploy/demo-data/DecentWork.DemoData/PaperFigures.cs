using Programming = DecentWork.Contracts.Programming.V1;

namespace DecentWork.DemoData;

/// <summary>
/// The source paper's figures, read back from the platform's own reports through the gateway. The
/// loader prints them so whoever runs the platform sees the paper reproduced; the end-to-end test
/// compares them with the paper.
/// </summary>
public sealed record PaperFigures(int ProgrammesApprovedIn2007, int ProgrammesInPreparation)
{
    private static readonly Programming.ProgrammeStatus[] Preparation =
        [Programming.ProgrammeStatus.Draft, Programming.ProgrammeStatus.InConsultation, Programming.ProgrammeStatus.UnderQualityAssurance];

    public static async Task<PaperFigures> ReadAsync(Platform platform)
    {
        var byStatus = await platform.Programming.ReportProgrammesByStatusAsync(new Programming.ReportProgrammesByStatusRequest());
        return new PaperFigures(
            ProgrammesApprovedIn2007: byStatus.Rows.Where(r => r.ApprovalYear == 2007).Sum(r => r.ProgrammeCount),
            ProgrammesInPreparation: byStatus.Rows.Where(r => Preparation.Contains(r.Status)).Sum(r => r.ProgrammeCount));
    }

    public void WriteTo(TextWriter log)
    {
        log.WriteLine("paper figures from the platform's reports:");
        log.WriteLine($"  programming: {ProgrammesApprovedIn2007} DWCPs approved in 2007 (paper: 27), {ProgrammesInPreparation} in preparation (paper: 80)");
    }
}
