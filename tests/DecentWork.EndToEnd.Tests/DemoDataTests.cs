using DecentWork.DemoData;
using DecentWork.Testing;
using Xunit.Abstractions;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The run command's demo data, loaded through the gateway into a fresh platform, must give the
/// source paper's figures back through the platform's reports (and loading twice changes nothing).
/// </summary>
public class DemoDataTests(PlatformFixture fixture, ITestOutputHelper output) : IClassFixture<PlatformFixture>
{
    /// <summary>The demo clients the run command's identity service seeds, as test callers with the same roles.</summary>
    private Grpc.Net.Client.GrpcChannel DemoClient(string clientId) => fixture.Platform.GatewayGrpcFor(clientId switch
    {
        DemoCallers.Loader => TestCaller.Loader,
        DemoCallers.QaReviewer => TestCaller.QaReviewer,
        _ when clientId.StartsWith("demo-constituent-", StringComparison.Ordinal) => new TestCaller(
            $"Demo constituents ({clientId[17..]})", [ServiceDefaults.Security.Roles.Constituent],
            [.. ServiceDefaults.Reference.Countries.ByCode.Keys.Order(StringComparer.Ordinal)], ConstituentGroup: clientId[17..]),
        _ => throw new ArgumentException($"The demo loader asked for an unknown client '{clientId}'."),
    });

    /// <summary>Issue 12: the demo portfolio's IATI files, read without a token through the gateway, validate (schema, codelists, rules).</summary>
    [Fact]
    public async Task DemoData_WhenLoaded_ExportsIatiFilesThatValidate()
    {
        await new DemoLoader(DemoClient, new StringWriter()).LoadAsync();

        foreach (var file in new[] { "/v1/iati/activities.xml", "/v1/iati/projects.xml", "/v1/iati/organisation.xml" })
        {
            using var response = await fixture.Platform.Gateway.AnonymousHttp.GetAsync(file);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var xml = await response.Content.ReadAsStringAsync();
            Testing.Iati.IatiValidator.AssertValid(xml);
            var published = System.Xml.Linq.XDocument.Parse(xml).Root!.Elements().Count();
            output.WriteLine($"{file}: {published} top-level records, {xml.Length} characters");
            Assert.True(published > 0, $"{file} publishes nothing from the demo data");
        }
    }

    [Fact]
    public async Task DemoData_LoadedTwice_ReproducesThePapersFiguresThroughTheReports()
    {
        var log = new StringWriter();
        await new DemoLoader(DemoClient, log).LoadAsync();
        await new DemoLoader(DemoClient, log).LoadAsync();

        var figures = await PaperFigures.ReadAsync(new GatewayClients(fixture.Platform.GatewayGrpc));
        output.WriteLine(log.ToString());

        var programming = figures.Programming;
        Assert.Equal(27, programming.ApprovedIn2007);
        Assert.Equal(80, programming.InPreparation);

        var coordination = figures.Coordination;
        Assert.Equal(8, coordination.DeliveringAsOnePilots);
        Assert.Equal(40, coordination.JointProgrammesApproved);
        Assert.Equal(50, coordination.JointProgrammeCountries);
        Assert.Equal(["ALB", "CRI", "PER", "PHL"], coordination.JointProgrammesLedIn);
        Assert.Equal(9, coordination.CountriesWithLinkedOutcomes); // the eight pilots and Brazil
        // Active UNDAFs with no DWCP outcome linked, countries where the organisation is not resident first.
        Assert.Equal(["GNB", "LAO", "LSO", "MDV", "MNG", "SUR"], coordination.DecentWorkGapCountries.Take(6).Order());
        Assert.Equal(["GHA", "KEN", "MEX"], coordination.DecentWorkGapCountries.Skip(6).Order());
        Assert.Equal(11, coordination.ToolkitAgenciesCompleted);

        var partnerships = figures.Partnerships;
        Assert.Equal(467_000_000m, partnerships.Approved2006To2007);
        Assert.Equal("European Union", partnerships.LargestDonor2007);
        Assert.Equal(65_800_000m, partnerships.LargestDonor2007Amount);
        Assert.InRange(decimal.Parse(partnerships.FieldOfficeSharePercent, System.Globalization.CultureInfo.InvariantCulture), 25m, 35m);
        Assert.Equal("98.00", partnerships.ProjectsLinkedPercent);
        Assert.Equal(44_000_000m, partnerships.RbsaContributed2008);
        Assert.Equal(22_000_000m, partnerships.RbsaAfrica2008);
        var alignment = partnerships.Alignment;
        Assert.Equal([9, 9, 5, 8, 5, 2], [alignment.ReviewedCount, alignment.StrategicPriorities, alignment.ProgrammingCycles,
            alignment.PredictableFunding, alignment.HarmonisedReporting, alignment.CommonPrinciples]);
        // Money after approval (issue 13): expenditure growth from imported transactions, not constants.
        var finance = await FinanceFigures.ReadAsync(new GatewayClients(fixture.Platform.GatewayGrpc).Partnerships);
        Assert.Equal(("14.50", "5.00"), (finance.AfricaChangePercent2007, finance.OverallChangePercent2007));

        var training = figures.Training;
        Assert.True(training.Participants2007 > 12_000, $"{training.Participants2007} participants in 2007");
        Assert.Equal(25.0, training.EmployersAndWorkersPercent2007, 1);
        Assert.Equal(40.0, training.EmployersAndWorkersGrowthPercentSince2006, 0);
        Assert.Equal(85.0, training.LinkedToOutcomesPercent2007, 1);
        Assert.Equal(175, training.TcManualParticipants);
        Assert.InRange(training.Fellowships2007 / (double)training.Fellowships2005, 1.8, 2.0);
    }
}
