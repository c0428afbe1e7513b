using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

public class DeliveringAsOneReportTests
{
    private static readonly DateTimeOffset Now = new(2008, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static DeliveringAsOnePilot Pilot(string country, params (string Name, OrganisationRole Role)[] groups)
    {
        var pilot = DeliveringAsOnePilot.Register(Countries.ByCode[country], 2007, Now);
        foreach (var (name, role) in groups) pilot.SetWorkingGroup(name, ["UNDP"], role);
        return pilot;
    }

    private static ToolkitAssessment Assessment(string? country, ToolkitAssessmentStatus status) =>
        ToolkitAssessment.Record("UNDP", country is null ? null : Countries.ByCode[country], status,
            status == ToolkitAssessmentStatus.InProgress ? new DateOnly(2008, 1, 1) : null,
            status == ToolkitAssessmentStatus.Completed ? new DateOnly(2008, 6, 1) : null, true, "", Now);

    [Fact]
    public void Summarise_ListsGroupsByRolePerPilotInCountryOrderWithTotals()
    {
        var pakistan = Pilot("PAK",
            ("Agriculture, Rural Development and Poverty Reduction", OrganisationRole.CoChair),
            ("Disaster Risk Management", OrganisationRole.Member), ("Education", OrganisationRole.Member), ("Health", OrganisationRole.Member));
        var tanzania = Pilot("TZA", ("Employment and empowerment", OrganisationRole.Lead), ("Governance", OrganisationRole.Chair));
        var albania = Pilot("ALB");

        var report = DeliveringAsOneReport.Summarise([tanzania, pakistan, albania], []);

        Assert.Equal(["ALB", "PAK", "TZA"], report.Pilots.Select(p => p.CountryCode));
        var pak = report.Pilots[1];
        Assert.Equal(["Agriculture, Rural Development and Poverty Reduction"], pak.CoChaired);
        Assert.Equal(["Disaster Risk Management", "Education", "Health"], pak.MemberOf);
        Assert.Empty(pak.Chaired);
        Assert.Equal(["Employment and empowerment"], report.Pilots[2].Led);
        Assert.Equal(["Governance"], report.Pilots[2].Chaired);
        Assert.Equal((1, 1, 1, 3), (report.ChairCount, report.CoChairCount, report.LeadCount, report.MemberCount));
    }

    [Fact]
    public void Summarise_FlagsOnlyPilotsWithACompletedCountryLevelToolkitAssessment()
    {
        var report = DeliveringAsOneReport.Summarise([Pilot("TZA"), Pilot("VNM"), Pilot("RWA")],
        [
            Assessment("TZA", ToolkitAssessmentStatus.Completed),
            Assessment("VNM", ToolkitAssessmentStatus.InProgress),
            Assessment(null, ToolkitAssessmentStatus.Completed),
        ]);

        Assert.Equal([false, true, false], report.Pilots.Select(p => p.ToolkitAssessmentCompleted));
        Assert.Equal(1, report.ToolkitAssessmentCompletedCount);
    }
}
