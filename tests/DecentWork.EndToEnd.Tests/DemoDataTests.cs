using DecentWork.DemoData;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The run command's demo data, loaded through the gateway into a fresh platform, must give the
/// source paper's figures back through the platform's reports (and loading twice changes nothing).
/// </summary>
public class DemoDataTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task DemoData_LoadedTwice_ReproducesThePapersFiguresThroughTheReports()
    {
        var log = new StringWriter();
        await new DemoLoader(fixture.Platform.GatewayGrpc, log).LoadAsync();
        await new DemoLoader(fixture.Platform.GatewayGrpc, log).LoadAsync();

        var figures = await PaperFigures.ReadAsync(new DecentWork.DemoData.Platform(fixture.Platform.GatewayGrpc));

        Assert.Equal(27, figures.ProgrammesApprovedIn2007);
        Assert.Equal(80, figures.ProgrammesInPreparation);
        Assert.Equal(8, figures.DeliveringAsOnePilots);
        Assert.Equal(40, figures.JointProgrammesApproved);
        Assert.Equal(50, figures.JointProgrammeCountries);
        Assert.Equal(["ALB", "CRI", "PER", "PHL"], figures.JointProgrammesLedIn);
        Assert.Equal(9, figures.CountriesWithLinkedOutcomes); // the eight pilots and Brazil
        // Active UNDAFs with no DWCP outcome linked, countries where the organisation is not resident first.
        Assert.Equal(["GNB", "LAO", "LSO", "MDV", "MNG", "SUR"], figures.DecentWorkGapCountries.Take(6).Order());
        Assert.Equal(["GHA", "KEN", "MEX"], figures.DecentWorkGapCountries.Skip(6).Order());
        Assert.Equal(11, figures.ToolkitAgenciesCompleted);
    }
}
