using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;
using TrainingV1 = DecentWork.Contracts.Training.V1;

namespace DecentWork.EndToEnd.Tests;

public sealed class PlatformFixture : IAsyncLifetime
{
    public Platform Platform { get; private set; } = null!;
    public async Task InitializeAsync() => Platform = await Platform.StartAsync(await RabbitMqBroker.SharedAsync());
    public async Task DisposeAsync() => await Platform.DisposeAsync();
}

/// <summary>The foundation's promise: one programme travels through all four services, through the gateway.</summary>
public partial class PlatformFlowTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task Programme_FundedCoveredAndTrained_ThroughTheGatewayOverGrpc()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var coordination = new CoordinationV1.CoordinationService.CoordinationServiceClient(Platform.GatewayGrpc);
        var training = new TrainingV1.TrainingService.TrainingServiceClient(Platform.GatewayGrpc);

        var programme = await programmes.RegisterProgrammeAsync(new ProgrammingV1.RegisterProgrammeRequest
        {
            CountryCode = "ALB",
            Title = "Decent Work Country Programme Albania 2008-2010",
            PeriodStart = ProtoConvert.ToDate(new DateOnly(2008, 1, 1)),
            PeriodEnd = ProtoConvert.ToDate(new DateOnly(2010, 12, 31)),
        });
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = $"European Union {Guid.NewGuid():N}",
            Category = PartnershipsV1.PartnerCategory.EuropeanUnion,
        });
        await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(new PartnershipsV1.RecordFundingApprovalRequest
        {
            PartnerId = partner.Id,
            ProgrammeId = programme.Id,
            Amount = ProtoConvert.ToMoney(1_500_000.25m),
            Year = 2007,
        }).ResponseAsync, what: "partnerships to learn of the programme");

        var funded = await Eventually.Until(
            () => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "programming to count the approval");
        Assert.Equal(1_500_000.25m, ProtoConvert.ToDecimal(funded.FundingMobilised));

        await coordination.RegisterUndafAsync(new CoordinationV1.RegisterUndafRequest { CountryCode = "ALB", CycleStartYear = 2006, CycleEndYear = 2010 });
        var coverage = await Eventually.Until(
            () => coordination.ListCountryCoverageAsync(new CoordinationV1.ListCountryCoverageRequest()).ResponseAsync,
            c => c.Countries.Any(x => x.CountryCode == "ALB" && x.ProgrammeIds.Contains(programme.Id)), what: "ALB in coordination's coverage");
        Assert.Single(coverage.Countries, c => c.CountryCode == "ALB");

        var course = await training.PublishCourseAsync(new TrainingV1.PublishCourseRequest { Code = $"E2E-{Random.Shared.Next(100000)}", Title = "TC Manual" });
        var linked = await Eventually.WhenKnown(
            () => training.LinkCourseToProgrammeAsync(new TrainingV1.LinkCourseToProgrammeRequest { CourseId = course.Id, ProgrammeId = programme.Id }).ResponseAsync,
            what: "training to learn of the programme");
        Assert.Contains(programme.Id, linked.LinkedProgrammeIds);
    }

    [Fact]
    public async Task Programme_RegisteredAndListed_ThroughTheGatewayOverJson()
    {
        var created = await Platform.GatewayJson.PostAsJsonAsync("/v1/programmes", new
        {
            countryCode = "VNM",
            title = "DWCP Viet Nam",
            periodStart = new { year = 2006, month = 1, day = 1 },
            periodEnd = new { year = 2010, month = 12, day = 31 },
        });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        Assert.Equal(new Version(1, 1), created.Version);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var fetched = await Platform.GatewayJson.GetFromJsonAsync<JsonElement>($"/v1/programmes/{id}");
        Assert.Equal("ILO_REGION_ASIA_PACIFIC", fetched.GetProperty("region").GetString());
        var listed = await Platform.GatewayJson.GetFromJsonAsync<JsonElement>("/v1/programmes?country=VNM&pageSize=10");
        Assert.Contains(listed.GetProperty("programmes").EnumerateArray(), p => p.GetProperty("id").GetString() == id);

        var invalid = await Platform.GatewayJson.PostAsJsonAsync("/v1/programmes", new { countryCode = "VNM", title = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("period_start", await invalid.Content.ReadAsStringAsync());
        var missing = await Platform.GatewayJson.GetAsync($"/v1/courses/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GatewayHealth_ReportsEveryService()
    {
        var response = await Platform.Gateway.Http.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.GetProperty("checks");
        foreach (var service in new[] { "programming", "partnerships", "coordination", "training" })
            Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Gateway_WhenBodyIsOverTheLimit_RejectsIt()
    {
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await Platform.GatewayJson.PostAsJsonAsync("/v1/programmes", new { countryCode = "VNM", title = huge });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
