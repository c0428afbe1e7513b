using System.Net;
using System.Xml.Linq;
using DecentWork.Gateway;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using DecentWork.Testing.Iati;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;
using ProgrammingV1 = DecentWork.Contracts.Programming.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// The IATI publication through the gateway without a token, fed by both services (the outcome
/// from programming, the funding from partnerships' event), and the proof that it is the only
/// thing open besides health: one named gateway route, two named endpoints.
/// </summary>
public class OpenDataTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private Platform Platform => fixture.Platform;

    [Fact]
    public async Task IatiActivities_WhenAnonymousThroughTheGateway_PublishTheApprovedOutcomeWithItsFunding()
    {
        var programmes = new ProgrammingV1.ProgrammingService.ProgrammingServiceClient(Platform.GatewayGrpc);
        var partnerships = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpc);
        var programme = await ProgrammeSteps.ApproveAsync(Platform, programmes, "TON", 800_000m);
        var outcome = programme.Priorities[0].Outcomes[0];
        var partner = await partnerships.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = $"New Zealand Aid {Guid.NewGuid():N}", Category = PartnershipsV1.PartnerCategory.BilateralGovernment, CountryCode = "NZL",
        });
        await Eventually.WhenKnown(() => partnerships.RecordFundingApprovalAsync(new PartnershipsV1.RecordFundingApprovalRequest
        {
            PartnerId = partner.Id, ProgrammeId = programme.Id, Amount = ProtoConvert.ToMoney(300_000.75m), Year = 2008,
            ApprovalDate = ProtoConvert.ToDate(new DateOnly(2008, 4, 1)),
            Source = PartnershipsV1.FundingSource.ExtraBudgetary, Earmarking = PartnershipsV1.Earmarking.SoftlyEarmarked,
            MobilisedBy = PartnershipsV1.MobilisedBy.Headquarters,
            Allocations =
            {
                new PartnershipsV1.FundingAllocation
                {
                    Region = ProgrammingV1.IloRegion.AsiaPacific, CountryCode = "TON", ProgrammeId = programme.Id, OutcomeId = outcome.Id,
                    Amount = ProtoConvert.ToMoney(300_000.75m),
                },
            },
        }).ResponseAsync, what: "partnerships to learn of the approved programme's outcomes");
        await Eventually.Until(() => programmes.GetProgrammeAsync(new ProgrammingV1.GetProgrammeRequest { Id = programme.Id }).ResponseAsync,
            p => p.FundingApprovalCount == 1, what: "programming to count the approval");

        using var response = await Platform.Gateway.AnonymousHttp.GetAsync("/v1/iati/activities.xml?country=TON");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Empty(IatiValidator.Validate(xml));
        var activity = Assert.Single(XDocument.Parse(xml).Root!.Elements("iati-activity"));
        var transaction = Assert.Single(activity.Elements("transaction"));
        Assert.Equal("300000.75", transaction.Element("value")!.Value);
        Assert.StartsWith("New Zealand Aid", transaction.Element("provider-org")!.Value);
    }

    [Fact]
    public async Task IatiOrganisation_WhenAnonymousThroughTheGateway_IsValid()
    {
        using var response = await Platform.Gateway.AnonymousHttp.GetAsync("/v1/iati/organisation.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(IatiValidator.Validate(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task IatiRoute_WhenNotAGet_IsNotServedAnonymously()
    {
        using var response = await Platform.Gateway.AnonymousHttp.PostAsync("/v1/iati/activities.xml", new StringContent(""));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void GatewayRoutes_ExceptTheNamedOpenDataRoute_NeedACaller()
    {
        var routes = Platform.Gateway.Services.GetRequiredService<IConfiguration>().GetSection("ReverseProxy:Routes").GetChildren().ToList();
        var open = routes.Where(r => r["AuthorizationPolicy"] != GatewayApp.CallerPolicy).ToList();
        var route = Assert.Single(open);
        Assert.Equal(("open-data-iati", GatewayApp.OpenDataPolicy, "/v1/iati/{**rest}", "GET"),
            (route.Key, route["AuthorizationPolicy"], route["Match:Path"], string.Join(",", route.GetSection("Match:Methods").GetChildren().Select(m => m.Value))));
    }

    [Fact]
    public void ServiceEndpoints_ThatAllowAnonymous_AreHealthAndTheIatiFilesOnly()
    {
        foreach (var service in new[] { Platform.Programming, Platform.Partnerships, Platform.Coordination, Platform.Training })
        {
            var anonymous = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                .Select(e => e.RoutePattern.RawText ?? "")
                .Where(path => path != "/health" && !path.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal))
                .Order().ToList();
            var expected = service == Platform.Programming ? Programming.Iati.IatiEndpoints.Paths.Order().ToList() : [];
            Assert.True(expected.SequenceEqual(anonymous), $"{service.Name} allows anonymous callers on: {string.Join(", ", anonymous)}");
        }
    }
}
