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
    }
}
