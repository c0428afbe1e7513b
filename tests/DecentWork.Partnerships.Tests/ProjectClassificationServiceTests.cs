using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Google.Type;

namespace DecentWork.Partnerships.Tests;

/// <summary>Policy markers, SDG goals and targets and sectors on TC projects, checked against the IATI codelists, and the reports over them.</summary>
public class ProjectClassificationServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);

    /// <summary>A project in years no other test uses, so the reports over those years count only this test's projects.</summary>
    private async Task<Project> RegisterAsync(int year, decimal budgetUsd = 2_000_000m)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner($"Classification partner {Guid.NewGuid():N}"));
        return await _client.RegisterProjectAsync(new RegisterProjectRequest
        {
            Code = $"cls/{Guid.NewGuid():N}", Title = "Decent work for persons with disabilities", CountryCodes = { "ZMB" }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(budgetUsd),
            StartDate = new Date { Year = year, Month = 1, Day = 1 }, EndDate = new Date { Year = year, Month = 12, Day = 31 },
        });
    }

    private static Classification Disability(params string[] goals)
    {
        var classification = new Classification
        {
            PolicyMarkers = { new PolicyMarkerScore { Code = "11", Significance = "2" } },
            Sectors = { new SectorShare { Code = "16020" } },
        };
        classification.SdgGoals.AddRange(goals);
        return classification;
    }

    [Fact]
    public async Task ClassifyProject_WhenCodesAreInTheCodelists_KeepsThemOnTheProject()
    {
        var project = await RegisterAsync(2080);
        var classification = Disability("8", "10");
        classification.SdgTargets.Add("10.2");

        var classified = await _client.ClassifyProjectAsync(new ClassifyProjectRequest { Id = project.Id, Classification = classification, ExpectedVersion = project.Version });
        var read = await _client.GetProjectAsync(new GetProjectRequest { Id = project.Id });

        classification.Sectors[0].Percentage = "100"; // a single sector without a share takes all of it
        Assert.Equal(classification, read.Classification);
        Assert.Equal(project.Version + 1, classified.Version);
    }

    [Fact]
    public async Task ClassifyProject_WhenPercentagesDoNotSumToAHundred_NamesTheFieldsAndChangesNothing()
    {
        var project = await RegisterAsync(2080);
        var bad = new Classification
        {
            PolicyMarkers = { new PolicyMarkerScore { Code = "1", Significance = "" } },
            SdgTargets = { "99.9" },
            Sectors = { new SectorShare { Code = "16020", Percentage = "60" }, new SectorShare { Code = "16020", Percentage = "30.125" } },
        };

        await RpcAssert.InvalidFields(() => _client.ClassifyProjectAsync(new ClassifyProjectRequest { Id = project.Id, Classification = bad }).ResponseAsync,
            "classification.policy_markers[0].significance", "classification.sdg_targets[0]", "classification.sectors[1].code",
            "classification.sectors[1].percentage", "classification.sectors");

        var read = await _client.GetProjectAsync(new GetProjectRequest { Id = project.Id });
        Assert.Equal(new Classification(), read.Classification);
        Assert.Equal(project.Version, read.Version);
    }

    [Fact]
    public async Task ReportProjectsByPolicyMarker_WhenProjectsAreScored_TotalsBudgetsPerSignificance()
    {
        var scored = await RegisterAsync(2091, 1_500_000.25m);
        await RegisterAsync(2091, 500_000m);
        await _client.ClassifyProjectAsync(new ClassifyProjectRequest { Id = scored.Id, Classification = Disability("8") });

        var report = await _client.ReportProjectsByPolicyMarkerAsync(new ReportProjectsByPolicyMarkerRequest { StartYear = 2091, EndYear = 2091 });

        Assert.Equal(2, report.ProjectCount);
        Assert.Equal([("1", "", 2), ("11", "2", 1), ("11", "", 1)], report.Rows.Select(r => (r.PolicyMarker, r.Significance, r.ProjectCount)));
        Assert.Equal([2_000_000.25m, 1_500_000.25m, 500_000m], report.Rows.Select(r => ProtoConvert.ToDecimal(r.Budget)));
        Assert.Equal("Disability", report.Rows[1].PolicyMarkerName);
        await RpcAssert.InvalidFields(() => _client.ReportProjectsByPolicyMarkerAsync(
            new ReportProjectsByPolicyMarkerRequest { StartYear = 2095, EndYear = 2091 }).ResponseAsync, "end_year");
    }

    [Fact]
    public async Task ReportProjectsBySdgGoal_WhenAProjectServesTwoGoals_CountsItUnderEach()
    {
        var both = await RegisterAsync(2093);
        var one = await RegisterAsync(2093, 1_000_000m);
        await RegisterAsync(2093);
        await _client.ClassifyProjectAsync(new ClassifyProjectRequest { Id = both.Id, Classification = Disability("10", "8") });
        await _client.ClassifyProjectAsync(new ClassifyProjectRequest { Id = one.Id, Classification = Disability("8") });

        var report = await _client.ReportProjectsBySdgGoalAsync(new ReportProjectsBySdgGoalRequest { StartYear = 2093, EndYear = 2093 });

        Assert.Equal([("8", 2), ("10", 1)], report.Rows.Select(r => (r.SdgGoal, r.ProjectCount)));
        Assert.Equal(3_000_000m, ProtoConvert.ToDecimal(report.Rows[0].Budget));
        Assert.Equal((3, 1), (report.ProjectCount, report.ProjectsWithoutGoal));
    }
}
