using DecentWork.Contracts.Common.V1;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;

namespace DecentWork.Programming.Tests;

/// <summary>Policy markers, SDG goals and targets and sectors on outcomes, checked against the IATI codelists, and the reports over them.</summary>
public class ProgrammeClassificationServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);

    private static Classification GenderPrincipal(params string[] sdgGoals)
    {
        var classification = new Classification
        {
            PolicyMarkers = { new PolicyMarkerScore { Code = "1", Significance = "2" }, new PolicyMarkerScore { Code = "11", Significance = "1" } },
            Sectors = { new SectorShare { Code = "16020", Percentage = "62.5" }, new SectorShare { Code = "15150", Percentage = "37.5" } },
        };
        classification.SdgGoals.AddRange(sdgGoals);
        return classification;
    }

    [Fact]
    public async Task ClassifyOutcome_WhenCodesAreInTheCodelists_KeepsThemOnTheOutcome()
    {
        var programme = await Lifecycle.WithOutcomeAsync("FJI");
        var classification = GenderPrincipal("5", "8");
        classification.SdgTargets.Add("8.5");

        var classified = await _client.ClassifyOutcomeAsync(new ClassifyOutcomeRequest
        {
            ProgrammeId = programme.Id, OutcomeId = programme.Priorities[0].Outcomes[0].Id, Classification = classification,
        });
        var read = await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id });

        Assert.Equal(classification, read.Priorities[0].Outcomes[0].Classification);
        Assert.Equal(classified.Priorities[0].Outcomes[0].Classification, read.Priorities[0].Outcomes[0].Classification);
        Assert.Equal(programme.ContentRevision, read.ContentRevision); // description, not signed content
        Assert.Equal("OutcomeClassified", (await _client.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = programme.Id }))
            .Entries.Last().Action);
    }

    [Fact]
    public async Task ClassifyOutcome_WhenACodeIsNotInItsCodelist_NamesEveryBadFieldAndChangesNothing()
    {
        var programme = await Lifecycle.WithOutcomeAsync("VNM");
        var bad = new Classification
        {
            PolicyMarkers = { new PolicyMarkerScore { Code = "99", Significance = "2" }, new PolicyMarkerScore { Code = "1", Significance = "7" } },
            SdgGoals = { "18" },
            SdgTargets = { "8.5" }, // its goal 8 is not listed
            Sectors = { new SectorShare { Code = "160", Percentage = "50" }, new SectorShare { Code = "16020", Percentage = "40" } },
        };

        await RpcAssert.InvalidFields(() => _client.ClassifyOutcomeAsync(new ClassifyOutcomeRequest
        {
            ProgrammeId = programme.Id, OutcomeId = programme.Priorities[0].Outcomes[0].Id, Classification = bad,
        }).ResponseAsync,
            "classification.policy_markers[0].code", "classification.policy_markers[1].significance", "classification.sdg_goals[0]",
            "classification.sdg_targets[0]", "classification.sectors[0].code", "classification.sectors");

        var read = await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id });
        Assert.Equal(new Classification(), read.Priorities[0].Outcomes[0].Classification);
        Assert.Equal(programme.Version, read.Version);
    }

    [Fact]
    public async Task ClassifyOutcome_WhenOneSectorHasNoPercentage_CountsItAsAHundred()
    {
        var programme = await Lifecycle.WithOutcomeAsync("LAO", 2020, 2023);

        var classified = await _client.ClassifyOutcomeAsync(new ClassifyOutcomeRequest
        {
            ProgrammeId = programme.Id, OutcomeId = programme.Priorities[0].Outcomes[0].Id,
            Classification = new Classification { Sectors = { new SectorShare { Code = "16020" } } },
        });

        Assert.Equal("100", classified.Priorities[0].Outcomes[0].Classification.Sectors[0].Percentage);
    }

    [Fact]
    public async Task ReportOutcomesByPolicyMarker_WhenOutcomesAreScored_CountsEachSignificanceAndTheUnscored()
    {
        var scored = await Lifecycle.WithOutcomeAsync("MDV");
        var unscored = await Lifecycle.WithOutcomeAsync("MDV", 2013, 2016);
        await _client.ClassifyOutcomeAsync(new ClassifyOutcomeRequest
        {
            ProgrammeId = scored.Id, OutcomeId = scored.Priorities[0].Outcomes[0].Id, Classification = GenderPrincipal("8"),
        });

        var report = await _client.ReportOutcomesByPolicyMarkerAsync(new ReportOutcomesByPolicyMarkerRequest { Country = "MDV" });

        Assert.Equal(2, report.OutcomeCount);
        Assert.Equal([("1", "2", 1), ("1", "", 1), ("11", "1", 1), ("11", "", 1)],
            report.Rows.Select(r => (r.PolicyMarker, r.Significance, r.OutcomeCount)));
        Assert.Equal("Gender Equality", report.Rows[0].PolicyMarkerName);
        Assert.Equal("principal objective", report.Rows[0].SignificanceName);
        Assert.Equal(1_000_000m, ProtoConvert.ToDecimal(report.Rows[0].ResourceNeed));
        Assert.NotEqual(scored.Id, unscored.Id);
        await RpcAssert.InvalidFields(() => _client.ReportOutcomesByPolicyMarkerAsync(
            new ReportOutcomesByPolicyMarkerRequest { Country = "QQQ" }).ResponseAsync, "country");
    }

    [Fact]
    public async Task ReportOutcomesBySdgGoal_WhenAnOutcomeServesTwoGoals_CountsItUnderEach()
    {
        var both = await Lifecycle.WithOutcomeAsync("TLS");
        var eightOnly = await Lifecycle.WithOutcomeAsync("TLS", 2013, 2016);
        await Lifecycle.WithOutcomeAsync("TLS", 2017, 2020);
        await _client.ClassifyOutcomeAsync(new ClassifyOutcomeRequest
        {
            ProgrammeId = both.Id, OutcomeId = both.Priorities[0].Outcomes[0].Id, Classification = GenderPrincipal("8", "5"),
        });
        await _client.ClassifyOutcomeAsync(new ClassifyOutcomeRequest
        {
            ProgrammeId = eightOnly.Id, OutcomeId = eightOnly.Priorities[0].Outcomes[0].Id, Classification = GenderPrincipal("8"),
        });

        var report = await _client.ReportOutcomesBySdgGoalAsync(new ReportOutcomesBySdgGoalRequest { Country = "TLS" });

        Assert.Equal([("5", 1), ("8", 2)], report.Rows.Select(r => (r.SdgGoal, r.OutcomeCount)));
        Assert.Equal(2_000_000m, ProtoConvert.ToDecimal(report.Rows[1].ResourceNeed));
        Assert.Equal(3, report.OutcomeCount);
        Assert.Equal(1, report.OutcomesWithoutGoal);
        Assert.StartsWith("Goal 8.", report.Rows[1].SdgGoalName);
    }
}
