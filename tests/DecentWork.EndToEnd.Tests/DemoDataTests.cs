using DecentWork.DemoData;
using DecentWork.Testing;
using Xunit.Abstractions;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The run command's demo data, loaded through the gateway into a fresh platform, must give the
/// source paper's figures back through the platform's reports (and loading twice changes nothing).
/// </summary>
public class DemoDataTests(PlatformFixture fixture, ITestOutputHelper output) : IClassFixture<PlatformFixture>
{
    private Grpc.Net.Client.GrpcChannel DemoClient(string clientId) => fixture.Platform.GatewayGrpcFor(DemoCaller(clientId));

    /// <summary>The demo clients the run command's identity service seeds, as test callers with the same roles.</summary>
    public static TestCaller DemoCaller(string clientId) => clientId switch
    {
        DemoCallers.Loader => TestCaller.Loader,
        DemoCallers.QaReviewer => TestCaller.QaReviewer,
        _ when clientId.StartsWith("demo-constituent-", StringComparison.Ordinal) => new TestCaller(
            $"Demo constituents ({clientId[17..]})", [ServiceDefaults.Security.Roles.Constituent],
            [.. ServiceDefaults.Reference.Countries.ByCode.Keys.Order(StringComparer.Ordinal)], ConstituentGroup: clientId[17..]),
        _ => throw new ArgumentException($"The demo loader asked for an unknown client '{clientId}'."),
    };

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

        // Issue 13: the allocation totals and growth figures, through the new reports.
        var corrections = await CorrectionFigures.ReadAsync(new GatewayClients(fixture.Platform.GatewayGrpc));
        Assert.Equal((117_600_000m, 9_700_000m, 7_600_000m, "31.03", "13.00"), (corrections.StandardsAndRights2007,
            corrections.SocialPartnersCapacity2007, corrections.Bureaux2007, corrections.BureauxChangePercent2007, corrections.UnSystemChangePercent2007));

        var training = figures.Training;
        Assert.True(training.Participants2007 > 12_000, $"{training.Participants2007} participants in 2007");
        Assert.Equal(25.0, training.EmployersAndWorkersPercent2007, 1);
        Assert.Equal(40.0, training.EmployersAndWorkersGrowthPercentSince2006, 0);
        Assert.Equal(85.0, training.LinkedToOutcomesPercent2007, 1);
        Assert.Equal(175, training.TcManualParticipants);
        Assert.InRange(training.Fellowships2007 / (double)training.Fellowships2005, 1.8, 2.0);
    }
    /// <summary>Issue 13 (results): the demo's breakdowns, project results, gender audits and ratification campaign, loaded twice, are there once.</summary>
    [Fact]
    public async Task DemoData_LoadedTwice_HoldsResultsGenderAuditsAndTheRatificationCampaignOnce()
    {
        await new DemoLoader(DemoClient, new StringWriter()).LoadAsync();
        await new DemoLoader(DemoClient, new StringWriter()).LoadAsync();
        var programming = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(fixture.Platform.GatewayGrpc);

        var ratification = await programming.ReportRatificationTargetsAsync(new ProgrammingV1.ReportRatificationTargetsRequest());
        Assert.Equal([122, 144], ratification.Rows.Select(r => r.ConventionNumber));
        Assert.Equal((4, 0), (ratification.Rows[0].TargetedCount, ratification.Rows[0].RatifiedCount));
        Assert.Equal((6, 2), (ratification.Rows[1].TargetedCount, ratification.Rows[1].RatifiedCount));
        foreach (var country in new[] { "KGZ", "MOZ", "YEM" })
            Assert.Equal(1, (await programming.ListGenderAuditsAsync(new ProgrammingV1.ListGenderAuditsRequest { Country = country })).TotalSize);

        var tanzania = (await programming.ListProgrammesAsync(new ProgrammingV1.ListProgrammesRequest { Country = "TZA" })).Programmes.Single();
        var results = await programming.ReportOutcomeResultsAsync(new ProgrammingV1.ReportOutcomeResultsRequest { ProgrammeId = tanzania.Id });
        Assert.Equal((1, 3000, 3000), (results.Total.ResultCount, results.Total.Beneficiaries, results.Total.Women));
        var vietnam = (await programming.ListProgrammesAsync(new ProgrammingV1.ListProgrammesRequest { Country = "VNM" })).Programmes.Single();
        Assert.Equal(22, (await programming.ReportOutcomeResultsAsync(new ProgrammingV1.ReportOutcomeResultsRequest { ProgrammeId = vietnam.Id })).Total.CountriesReachedAtLeast);
        var indicator = (await programming.ReportIndicatorProgressAsync(new ProgrammingV1.ReportIndicatorProgressRequest { ProgrammeId = tanzania.Id })).Rows[0];
        var bySex = indicator.LatestBreakdown.Where(p => p.Dimension == "sex").Sum(p => decimal.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(indicator.LatestActual, System.Globalization.CultureInfo.InvariantCulture), bySex);
    }
}
