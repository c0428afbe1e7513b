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
        IatiValidator.AssertValid(xml);
        var activity = Assert.Single(XDocument.Parse(xml).Root!.Elements("iati-activity"));
        var transaction = Assert.Single(activity.Elements("transaction"));
        Assert.Equal("300000.75", transaction.Element("value")!.Value);
        Assert.StartsWith("New Zealand Aid", transaction.Element("provider-org")!.Value);

        // A TC project serving the outcome, approved in partnerships, links to it from the projects file.
        var project = await partnerships.RegisterProjectAsync(new PartnershipsV1.RegisterProjectRequest
        {
            Code = $"TON/08/{Guid.NewGuid():N}"[..20], Title = "Youth employment in Tonga", CountryCodes = { "TON" }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(300_000.75m), StartDate = ProtoConvert.ToDate(new DateOnly(2008, 6, 1)),
            EndDate = ProtoConvert.ToDate(new DateOnly(2010, 5, 31)), OutcomeIds = { outcome.Id }, StrategicObjectives = { 2 },
        });
        var ok = new PartnershipsV1.AppraisalFinding { Satisfactory = true };
        var day = ProtoConvert.ToDate(new DateOnly(2008, 5, 20));
        await partnerships.AppraiseProjectAsync(new PartnershipsV1.AppraiseProjectRequest
        {
            Id = project.Id,
            Appraisal = new PartnershipsV1.ProjectAppraisal
            {
                Relevance = ok, Design = ok, FinancialFeasibility = ok, LegalFeasibility = ok, Sustainability = ok, Coherence = ok,
                Appraiser = "PARDEV", AppraisalDate = day,
            },
        });
        await partnerships.ReviewProjectGenderAsync(new PartnershipsV1.ReviewProjectGenderRequest
        {
            Id = project.Id, Review = new PartnershipsV1.GenderPeerReview { Cleared = true, Reviewer = "GENDER", ReviewDate = day },
        });
        await partnerships.ApproveProjectAsync(new PartnershipsV1.ApproveProjectRequest { Id = project.Id, ApprovedOn = day });

        using var projects = await Platform.Gateway.AnonymousHttp.GetAsync("/v1/iati/projects.xml?country=TON");

        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
        var projectsXml = await projects.Content.ReadAsStringAsync();
        IatiValidator.AssertValid(projectsXml);
        var child = Assert.Single(XDocument.Parse(projectsXml).Root!.Elements("iati-activity"));
        Assert.Equal(activity.Element("iati-identifier")!.Value, (string?)child.Element("related-activity")!.Attribute("ref"));
    }

    [Fact]
    public async Task IatiOrganisation_WhenAnonymousThroughTheGateway_IsValid()
    {
        using var response = await Platform.Gateway.AnonymousHttp.GetAsync("/v1/iati/organisation.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        IatiValidator.AssertValid(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IatiRoute_WhenNotAGet_IsNotServedAnonymously()
    {
        using var response = await Platform.Gateway.AnonymousHttp.PostAsync("/v1/iati/activities.xml", new StringContent(""));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void GatewayRoutes_ExceptTheNamedOpenDataRoutes_NeedACaller()
    {
        var routes = Platform.Gateway.Services.GetRequiredService<IConfiguration>().GetSection("ReverseProxy:Routes").GetChildren().ToList();
        var open = routes.Where(r => r["AuthorizationPolicy"] != GatewayApp.CallerPolicy)
            .Select(r => (r.Key, r["AuthorizationPolicy"], r["ClusterId"], r["Match:Path"], string.Join(",", r.GetSection("Match:Methods").GetChildren().Select(m => m.Value))))
            .OrderBy(r => r.Key).ToList();
        Assert.Equal([
            ("open-data-iati", GatewayApp.OpenDataPolicy, "programming", "/v1/iati/{file}", "GET"),
            ("open-data-iati-projects", GatewayApp.OpenDataPolicy, "partnerships", "/v1/iati/projects.xml", "GET"),
            // The portal signs its users in itself; the regex keeps /v1/ and gRPC paths out of it (an unknown API path stays a 404).
            ("portal", "anonymous", GatewayApp.PortalCluster, @"/{**path:regex(^(?!v1\b|decentwork\.))}", ""),
            // "/" itself: a route constraint never matches an empty catch-all.
            ("portal-home", "anonymous", GatewayApp.PortalCluster, "/", "")], open);
    }

    [Fact]
    public void ServiceEndpoints_ThatAllowAnonymous_AreHealthAndTheIatiFilesOnly()
    {
        foreach (var service in new[] { Platform.Programming, Platform.Partnerships, Platform.Coordination, Platform.Training })
        {
            var anonymous = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                .Select(e => e.RoutePattern.RawText ?? "")
                .Where(path => !OperationsEndpoints.Contains(path) && !path.Contains("grpc.health.v1.Health/", StringComparison.Ordinal))
                .Order().ToList();
            var expected = service == Platform.Programming ? Programming.Iati.IatiEndpoints.Paths.Order().ToList()
                : service == Platform.Partnerships ? Partnerships.Iati.IatiEndpoints.Paths.ToList() : [];
            Assert.True(expected.SequenceEqual(anonymous), $"{service.Name} allows anonymous callers on: {string.Join(", ", anonymous)}");
        }
    }
}
