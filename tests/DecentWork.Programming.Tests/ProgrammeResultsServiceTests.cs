using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Programming.Tests;

/// <summary>Indicator breakdowns and project results over gRPC and JSON, scoped like every programme change.</summary>
public class ProgrammeResultsServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _client = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);

    private async Task<Programme> ActiveAsync(string country)
    {
        var approved = await Lifecycle.ApprovedAsync(country);
        return await _client.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = approved.Id });
    }

    private async Task<(Programme Programme, Indicator Indicator)> ActiveWithIndicatorAsync(string country)
    {
        var registered = await Lifecycle.WithOutcomeAsync(country);
        var programme = await _client.AddIndicatorAsync(new AddIndicatorRequest
        {
            ProgrammeId = registered.Id, OutcomeId = registered.Priorities[0].Outcomes[0].Id, Description = "Youth placed in jobs",
            Kind = IndicatorKind.Number, Unit = "people", Baseline = "0", Target = "200", TargetDate = ProtoConvert.ToDate(new DateOnly(2011, 12, 31)),
        });
        await _client.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = programme.Id });
        await _client.RecordConsultationAsync(LifecycleClient.Consultation(programme, LifecycleClient.AllGroups));
        await _client.SubmitForQualityAssuranceAsync(new SubmitForQualityAssuranceRequest { ProgrammeId = programme.Id });
        await Lifecycle.SignedByAllAsync(await Lifecycle.ReviewAsync(programme.Id));
        await _client.ApproveProgrammeAsync(LifecycleClient.Approval(programme.Id));
        programme = await _client.ActivateProgrammeAsync(new ActivateProgrammeRequest { ProgrammeId = programme.Id });
        return (programme, programme.Priorities[0].Outcomes[0].Indicators[0]);
    }

    private static RecordIndicatorProgressRequest Progress(Programme programme, Indicator indicator, string actual, params (string Dimension, string Category, string Value)[] parts) => new()
    {
        ProgrammeId = programme.Id, IndicatorId = indicator.Id, ReportedOn = ProtoConvert.ToDate(new DateOnly(2009, 12, 31)), Actual = actual,
        Breakdown = { parts.Select(p => new ActualPart { Dimension = p.Dimension, Category = p.Category, Value = p.Value }) },
    };

    [Fact]
    public async Task RecordIndicatorProgress_WhenBrokenDownBySex_ReportIndicatorProgressShowsTheBreakdown()
    {
        var (programme, indicator) = await ActiveWithIndicatorAsync("MOZ");

        await _client.RecordIndicatorProgressAsync(Progress(programme, indicator, "100", ("sex", "female", "40"), ("sex", "male", "55.5"), ("sex", "other_or_not_reported", "4.5")));

        var row = Assert.Single((await _client.ReportIndicatorProgressAsync(new ReportIndicatorProgressRequest { ProgrammeId = programme.Id })).Rows);
        Assert.Equal(["sex female 40", "sex male 55.5", "sex other_or_not_reported 4.5"], row.LatestBreakdown.Select(p => $"{p.Dimension} {p.Category} {p.Value}"));
        var json = await fixture.Service.Http.GetFromJsonAsync<JsonElement>($"/v1/programmes/{programme.Id}:reportIndicatorProgress");
        Assert.Equal("female", json.GetProperty("rows")[0].GetProperty("latestBreakdown")[0].GetProperty("category").GetString());
    }

    [Fact]
    public async Task RecordIndicatorProgress_WhenTheSexPartsDoNotAddUp_IsInvalidOnBreakdown()
    {
        var (programme, indicator) = await ActiveWithIndicatorAsync("KGZ");

        await RpcAssert.InvalidFields(() => _client.RecordIndicatorProgressAsync(
            Progress(programme, indicator, "100", ("sex", "female", "40"), ("sex", "male", "50"), ("sex", "other_or_not_reported", "0"))).ResponseAsync, "breakdown");
        await RpcAssert.InvalidFields(() => _client.RecordIndicatorProgressAsync(
            Progress(programme, indicator, "100", ("gender", "female", "40"), ("sex", "women", "1"), ("sex", "male", "lots"))).ResponseAsync,
            "breakdown[0].dimension", "breakdown[1].category", "breakdown[2].value");

        var unchanged = await _client.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id });
        Assert.Equal(programme.Version, unchanged.Version);
    }

    [Fact]
    public async Task RecordIndicatorProgress_WhenDatedAfterTheProgrammePeriod_IsAFailedPrecondition()
    {
        var (programme, indicator) = await ActiveWithIndicatorAsync("YEM");
        var late = Progress(programme, indicator, "10");
        late.ReportedOn = ProtoConvert.ToDate(new DateOnly(2040, 1, 1));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordIndicatorProgressAsync(late).ResponseAsync);
    }

    private static RecordProjectResultRequest WomenWithDisabilities(Programme programme) => new()
    {
        ProgrammeId = programme.Id, OutcomeId = programme.Priorities[0].Outcomes[0].Id, ProjectId = Guid.NewGuid().ToString(), ProjectCode = "INT/06/12/IRL",
        Description = "Some 3,000 women with disabilities benefited",
        Beneficiaries = new Beneficiaries { Total = 3000, Women = 3000, Group = "women with disabilities" },
        AchievedOn = ProtoConvert.ToDate(new DateOnly(2009, 6, 30)),
    };

    [Fact]
    public async Task RecordProjectResult_WhenActive_CountsInTheOutcomeAndItsReport()
    {
        var programme = await ActiveAsync("ETH");

        await _client.RecordProjectResultAsync(WomenWithDisabilities(programme));
        var recorded = await _client.RecordProjectResultAsync(new RecordProjectResultRequest
        {
            ProgrammeId = programme.Id, OutcomeId = programme.Priorities[0].Outcomes[0].Id, ProjectCode = "INT/07/01/ITA",
            Description = "Trainers from 22 countries have been certified", Beneficiaries = new Beneficiaries { Group = "trainers" },
            CountriesReachedCount = 22, AchievedOn = ProtoConvert.ToDate(new DateOnly(2010, 3, 1)),
        });

        var outcome = recorded.Priorities[0].Outcomes[0];
        Assert.Equal(2, outcome.ProjectResults.Count);
        Assert.Equal((2, 3000, 3000, 22), (outcome.ResultsSummary.ResultCount, outcome.ResultsSummary.Beneficiaries, outcome.ResultsSummary.Women,
            outcome.ResultsSummary.CountriesReachedAtLeast));
        var report = await _client.ReportOutcomeResultsAsync(new ReportOutcomeResultsRequest { ProgrammeId = programme.Id });
        Assert.Equal((outcome.Code, 2), (Assert.Single(report.Rows).OutcomeCode, report.Total.ResultCount));
        var json = await fixture.Service.Http.GetFromJsonAsync<JsonElement>($"/v1/programmes/{programme.Id}:reportOutcomeResults");
        Assert.Equal(3000, json.GetProperty("total").GetProperty("beneficiaries").GetInt32());
        var posted = await fixture.Service.Http.PostAsJsonAsync($"/v1/programmes/{programme.Id}/outcomes/{outcome.Id}/results",
            new { projectCode = "INT/07/01/ITA", description = "More trainers", achievedOn = new { year = 2010, month = 9, day = 1 } });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task RecordProjectResult_WhenEveryFieldIsWrong_ListsEveryField()
    {
        await RpcAssert.InvalidFields(() => _client.RecordProjectResultAsync(new RecordProjectResultRequest
        {
            ProgrammeId = "p", OutcomeId = "o", ProjectId = "not-a-uuid", ProjectCode = new string('X', 51),
            Beneficiaries = new Beneficiaries { Total = 10, Women = 8, Men = 5 }, CountriesReached = { "KEN", "XXX", "ken" }, CountriesReachedCount = 2,
        }).ResponseAsync, "programme_id", "outcome_id", "project_id", "project_code", "description", "beneficiaries", "countries_reached[1]",
            "countries_reached[2]", "countries_reached_count", "achieved_on");
    }

    [Fact]
    public async Task RecordProjectResult_WhenDraftOrOfAnotherCountryOrByAConstituent_IsRefused()
    {
        var draft = await Lifecycle.WithOutcomeAsync("MWI");
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordProjectResultAsync(WomenWithDisabilities(draft)).ResponseAsync);
        var office = new ProgrammingService.ProgrammingServiceClient(fixture.Service.ChannelFor(TestCaller.CountryOffice("ZMB")));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.RecordProjectResultAsync(WomenWithDisabilities(draft)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.ReportOutcomeResultsAsync(new ReportOutcomeResultsRequest { ProgrammeId = draft.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Lifecycle.Constituent("MWI", ConstituentGroup.Workers)
            .RecordProjectResultAsync(WomenWithDisabilities(draft)).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.ReportOutcomeResultsAsync(new ReportOutcomeResultsRequest { ProgrammeId = "x" }).ResponseAsync, "programme_id");
    }
}
