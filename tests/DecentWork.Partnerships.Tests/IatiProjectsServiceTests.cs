using System.Net;
using System.Xml.Linq;
using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing.Iati;
using Google.Type;

namespace DecentWork.Partnerships.Tests;

/// <summary>Partnerships' IATI file: TC projects past the pipeline, anonymous, valid, linked to the outcomes they serve.</summary>
public class IatiProjectsServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);
    private static readonly Date Day = new() { Year = 2008, Month = 3, Day = 1 };

    private async Task<Project> RegisterAsync(string code, params string[] countries)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner("Irish Aid"));
        var request = new RegisterProjectRequest
        {
            Code = $"{code}/{Guid.NewGuid():N}"[..24], Title = "Skills for rural women", PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(1_200_000m),
            StartDate = new Date { Year = 2008, Month = 7, Day = 1 }, EndDate = new Date { Year = 2010, Month = 6, Day = 30 },
            OutcomeIds = { Guid.NewGuid().ToString() }, StrategicObjectives = { 2, 3 },
        };
        request.CountryCodes.AddRange(countries);
        return await _client.RegisterProjectAsync(request);
    }

    private async Task ApproveAsync(Project project)
    {
        var ok = new AppraisalFinding { Satisfactory = true };
        await _client.AppraiseProjectAsync(new AppraiseProjectRequest
        {
            Id = project.Id,
            Appraisal = new ProjectAppraisal
            {
                Relevance = ok, Design = ok, FinancialFeasibility = ok, LegalFeasibility = ok, Sustainability = ok, Coherence = ok,
                Appraiser = "PARDEV", AppraisalDate = Day,
            },
        });
        await _client.ReviewProjectGenderAsync(new ReviewProjectGenderRequest
        {
            Id = project.Id, Review = new GenderPeerReview { Cleared = true, Reviewer = "GENDER", ReviewDate = Day },
        });
        await _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id, ApprovedOn = Day });
    }

    private async Task<string> GetAnonymouslyAsync(string path)
    {
        using var http = fixture.Service.AnonymousJsonClient();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ProjectsXml_WhenAProjectIsApproved_PublishesItLinkedToItsOutcomeAndLeavesThePipelineOut()
    {
        var approved = await RegisterAsync("KIR", "KIR", "TUV");
        await ApproveAsync(approved);
        await _client.ClassifyProjectAsync(new ClassifyProjectRequest
        {
            Id = approved.Id,
            Classification = new Classification
            {
                PolicyMarkers = { new PolicyMarkerScore { Code = "1", Significance = "1" } }, SdgGoals = { "5" },
                Sectors = { new SectorShare { Code = "11330" } },
            },
        });
        var pipeline = await RegisterAsync("KIR", "KIR");

        var xml = await GetAnonymouslyAsync("/v1/iati/projects.xml?country=KIR");

        IatiValidator.AssertValid(xml);
        var activity = Assert.Single(XDocument.Parse(xml).Root!.Elements("iati-activity"));
        Assert.Equal($"XM-DAC-41302-TC-{Guid.Parse(approved.Id):N}", activity.Element("iati-identifier")!.Value);
        Assert.Equal($"XM-DAC-41302-DWCP-{Guid.Parse(approved.OutcomeIds[0]):N}", (string?)activity.Element("related-activity")!.Attribute("ref"));
        Assert.Equal([("KI", "50"), ("TV", "50")], activity.Elements("recipient-country").Select(c => ((string)c.Attribute("code")!, (string)c.Attribute("percentage")!)));
        Assert.Equal("2", (string?)activity.Element("activity-status")!.Attribute("code"));
        Assert.StartsWith("Irish Aid", activity.Elements("participating-org").First().Value);
        Assert.DoesNotContain(Guid.Parse(pipeline.Id).ToString("N"), xml);
    }

    [Fact]
    public async Task ProjectsXml_WhenAProjectIsUnclassified_SharesItsSectorsAmongItsStrategicObjectives()
    {
        var project = await RegisterAsync("TUV", "TUV");
        await ApproveAsync(project);

        var xml = await GetAnonymouslyAsync("/v1/iati/projects.xml?country=TUV");

        IatiValidator.AssertValid(xml);
        var sectors = XDocument.Parse(xml).Descendants("iati-activity")
            .Single(a => a.Element("iati-identifier")!.Value.EndsWith(Guid.Parse(project.Id).ToString("N"), StringComparison.Ordinal)).Elements("sector");
        Assert.Equal([("99", "2", "50"), ("99", "3", "50")],
            sectors.Select(s => ((string)s.Attribute("vocabulary")!, (string)s.Attribute("code")!, (string)s.Attribute("percentage")!)));
    }
}
