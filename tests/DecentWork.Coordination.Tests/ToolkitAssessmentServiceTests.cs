using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;
using Date = Google.Type.Date;

namespace DecentWork.Coordination.Tests;

/// <summary>Toolkit assessment RPCs over real gRPC; each test uses its own agencies.</summary>
public class ToolkitAssessmentServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    internal static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private Task<ToolkitAssessment> RecordAsync(string agency, string country = "", ToolkitAssessmentStatus status = ToolkitAssessmentStatus.Unspecified,
        Date? startedOn = null, Date? completedOn = null) =>
        _client.RecordToolkitAssessmentAsync(new RecordToolkitAssessmentRequest
        {
            Agency = agency, CountryCode = country, Status = status, StartedOn = startedOn, CompletedOn = completedOn,
            SupportedByOrganisation = true, Findings = "Decent work is central to the agency's mandate",
        }).ResponseAsync;

    private Task<ToolkitAssessment> ChangeAsync(string id, ToolkitAssessmentStatus status, Date? changedOn, long expectedVersion = 0) =>
        _client.ChangeToolkitAssessmentStatusAsync(new ChangeToolkitAssessmentStatusRequest { Id = id, Status = status, ChangedOn = changedOn, ExpectedVersion = expectedVersion }).ResponseAsync;

    [Fact]
    public async Task RecordToolkitAssessment_WhenValid_StoresItPlannedUpperCaseAndCanBeFetched()
    {
        var recorded = await RecordAsync("unesco");

        var fetched = await _client.GetToolkitAssessmentAsync(new GetToolkitAssessmentRequest { Id = recorded.Id });

        Assert.Equal(("UNESCO", "", ToolkitAssessmentStatus.Planned, 1L), (fetched.Agency, fetched.CountryCode, fetched.Status, fetched.Version));
        Assert.Equal((true, "Decent work is central to the agency's mandate"), (fetched.SupportedByOrganisation, fetched.Findings));
        Assert.Null(fetched.StartedOn);
        Assert.Null(fetched.CompletedOn);
        Assert.Equal(recorded, fetched);
    }

    [Fact]
    public async Task RecordToolkitAssessment_WhenTheAgencyHasOneForThatScope_IsAlreadyExistsButAnotherCountryIsFine()
    {
        await RecordAsync("UNFPA");
        await RecordAsync("UNFPA", "TZA", ToolkitAssessmentStatus.Completed, Day(2008, 1, 10), Day(2008, 5, 30));

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => RecordAsync("unfpa"));
        Assert.Contains("agency-wide", error.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => RecordAsync("UNFPA", "tza"));
        await RecordAsync("UNFPA", "VNM");
    }

    [Fact]
    public async Task RecordToolkitAssessment_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.RecordToolkitAssessmentAsync(new RecordToolkitAssessmentRequest
        {
            Agency = "X", CountryCode = "XXX", Status = ToolkitAssessmentStatus.InProgress,
            CompletedOn = Day(2008, 2, 30), Findings = new string('f', 2001),
        }).ResponseAsync, "agency", "country_code", "started_on", "completed_on", "findings");

    [Theory]
    [InlineData(ToolkitAssessmentStatus.Planned, 2008, 0, "started_on")]
    [InlineData(ToolkitAssessmentStatus.Completed, 0, 0, "completed_on")]
    [InlineData(ToolkitAssessmentStatus.Completed, 2009, 2008, "completed_on")]
    [InlineData(ToolkitAssessmentStatus.InProgress, 2006, 0, "started_on")]
    [InlineData((ToolkitAssessmentStatus)9, 0, 0, "status")]
    public async Task RecordToolkitAssessment_WhenTheDatesDoNotFitTheStatus_NamesTheDate(ToolkitAssessmentStatus status, int startYear, int completedYear, string field) =>
        await RpcAssert.InvalidFields(() => RecordAsync($"A{Guid.NewGuid():N}"[..10], "", status,
            startYear == 0 ? null : Day(startYear, 6, 1), completedYear == 0 ? null : Day(completedYear, 6, 1)), field);

    [Fact]
    public async Task ChangeToolkitAssessmentStatus_WhenForward_DatesEachStepAndTheSameStatusChangesNothing()
    {
        var planned = await RecordAsync("IFAD");

        var started = await ChangeAsync(planned.Id, ToolkitAssessmentStatus.InProgress, Day(2008, 2, 1), expectedVersion: planned.Version);
        var again = await ChangeAsync(planned.Id, ToolkitAssessmentStatus.InProgress, Day(2008, 3, 1));
        var completed = await ChangeAsync(planned.Id, ToolkitAssessmentStatus.Completed, Day(2008, 7, 15), expectedVersion: started.Version);

        Assert.Equal((ToolkitAssessmentStatus.InProgress, 2, 2L), (started.Status, started.StartedOn.Month, started.Version));
        Assert.Equal(started, again);
        Assert.Equal((ToolkitAssessmentStatus.Completed, 2, 7, 3L), (completed.Status, completed.StartedOn.Month, completed.CompletedOn.Month, completed.Version));
    }

    [Fact]
    public async Task ChangeToolkitAssessmentStatus_WhenOutOfOrderStaleOrUnknown_IsRefused()
    {
        var assessment = await RecordAsync("UNIDO", "", ToolkitAssessmentStatus.InProgress, Day(2008, 5, 1));

        var early = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => ChangeAsync(assessment.Id, ToolkitAssessmentStatus.Completed, Day(2008, 4, 1)));
        Assert.Contains("cannot be completed before", early.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => ChangeAsync(assessment.Id, ToolkitAssessmentStatus.Planned, Day(2008, 6, 1)));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => ChangeAsync(assessment.Id, ToolkitAssessmentStatus.Completed, Day(2008, 6, 1), expectedVersion: 7));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => ChangeAsync(Guid.NewGuid().ToString(), ToolkitAssessmentStatus.Completed, Day(2008, 6, 1)));
        await RpcAssert.InvalidFields(() => ChangeAsync("x", ToolkitAssessmentStatus.Unspecified, null, -1), "id", "status", "changed_on", "expected_version");
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetToolkitAssessmentAsync(new GetToolkitAssessmentRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetToolkitAssessmentAsync(new GetToolkitAssessmentRequest { Id = "x" }).ResponseAsync, "id");

        var completed = await ChangeAsync(assessment.Id, ToolkitAssessmentStatus.Completed, Day(2008, 6, 1));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => ChangeAsync(assessment.Id, ToolkitAssessmentStatus.InProgress, Day(2008, 7, 1)));
        Assert.Equal(completed, await _client.GetToolkitAssessmentAsync(new GetToolkitAssessmentRequest { Id = assessment.Id }));
    }

    [Fact]
    public async Task ListToolkitAssessments_FiltersByStatusAgencyAndCountryAndPagesInAgencyOrder()
    {
        var itu = await RecordAsync("ITU-X");
        var ituTanzania = await RecordAsync("ITU-X", "TZA", ToolkitAssessmentStatus.Completed, completedOn: Day(2008, 6, 1));
        var imo = await RecordAsync("IMO-X", "TZA", ToolkitAssessmentStatus.InProgress, Day(2008, 6, 1));

        var ofItu = await _client.ListToolkitAssessmentsAsync(new ListToolkitAssessmentsRequest { Agency = "itu-x" });
        Assert.Equal([itu.Id, ituTanzania.Id], ofItu.ToolkitAssessments.Select(a => a.Id));
        var inTanzania = await _client.ListToolkitAssessmentsAsync(new ListToolkitAssessmentsRequest { Country = "TZA", PageSize = 200 });
        Assert.Equal([imo.Id, ituTanzania.Id], inTanzania.ToolkitAssessments.Where(a => a.Agency.EndsWith("-X")).Select(a => a.Id));
        var completedInTanzania = await _client.ListToolkitAssessmentsAsync(new ListToolkitAssessmentsRequest { Country = "TZA", Agency = "ITU-X", Status = ToolkitAssessmentStatus.Completed });
        Assert.Equal([ituTanzania.Id], completedInTanzania.ToolkitAssessments.Select(a => a.Id));
        Assert.Equal(1, completedInTanzania.TotalSize);

        var first = await _client.ListToolkitAssessmentsAsync(new ListToolkitAssessmentsRequest { Agency = "ITU-X", PageSize = 1 });
        var second = await _client.ListToolkitAssessmentsAsync(new ListToolkitAssessmentsRequest { Agency = "ITU-X", PageSize = 1, PageToken = first.NextPageToken });
        Assert.Equal([itu.Id], first.ToolkitAssessments.Select(a => a.Id));
        Assert.Equal([ituTanzania.Id], second.ToolkitAssessments.Select(a => a.Id));
        Assert.Equal((2, ""), (first.TotalSize, second.NextPageToken));
        await RpcAssert.InvalidFields(() => _client.ListToolkitAssessmentsAsync(new ListToolkitAssessmentsRequest
        {
            Status = (ToolkitAssessmentStatus)9, Agency = "I", Country = "XXX", PageToken = "bad", PageSize = -1,
        }).ResponseAsync, "status", "agency", "country", "page_token", "page_size");
    }

    [Fact]
    public async Task JsonRoutes_RecordChangeGetAndListToolkitAssessments()
    {
        using var http = fixture.Service.JsonClient();
        var created = await http.PostAsJsonAsync("/v1/toolkit-assessments", new { agency = "UNHCR", countryCode = "TZA", supportedByOrganisation = true });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var changed = await http.PostAsJsonAsync($"/v1/toolkit-assessments/{id}:changeStatus",
            new { status = "TOOLKIT_ASSESSMENT_STATUS_COMPLETED", changedOn = new { year = 2008, month = 9, day = 1 }, expectedVersion = "1" });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var got = await http.GetFromJsonAsync<JsonElement>($"/v1/toolkit-assessments/{id}");
        Assert.Equal(("TOOLKIT_ASSESSMENT_STATUS_COMPLETED", 9), (got.GetProperty("status").GetString(), got.GetProperty("completedOn").GetProperty("month").GetInt32()));
        var listed = await http.GetFromJsonAsync<JsonElement>("/v1/toolkit-assessments?agency=UNHCR&status=TOOLKIT_ASSESSMENT_STATUS_COMPLETED");
        Assert.Equal(id, listed.GetProperty("toolkitAssessments")[0].GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync("/v1/toolkit-assessments", new { agency = "unhcr", countryCode = "TZA" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/v1/toolkit-assessments", new { agency = "U" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/v1/toolkit-assessments/{Guid.NewGuid()}")).StatusCode);
    }
}

/// <summary>The Toolkit report, in a class of its own so its service holds only what the test records.</summary>
public class ToolkitAssessmentReportServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly CoordinationService.CoordinationServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task SummariseToolkitAssessments_CountsAgenciesWithACompletedAssessmentOnce_AlsoAsJson()
    {
        var completedOn = ToolkitAssessmentServiceTests.Day(2008, 6, 1);
        foreach (var (agency, country) in new[] { ("UNDP", ""), ("UNDP", "TZA"), ("FAO", ""), ("WHO", "") })
            await _client.RecordToolkitAssessmentAsync(new RecordToolkitAssessmentRequest
            {
                Agency = agency, CountryCode = country, Status = ToolkitAssessmentStatus.Completed, CompletedOn = completedOn, SupportedByOrganisation = agency != "WHO",
            });
        await _client.RecordToolkitAssessmentAsync(new RecordToolkitAssessmentRequest { Agency = "UNESCO", Status = ToolkitAssessmentStatus.InProgress, StartedOn = completedOn });
        await _client.RecordToolkitAssessmentAsync(new RecordToolkitAssessmentRequest { Agency = "WFP" });

        var summary = await _client.SummariseToolkitAssessmentsAsync(new SummariseToolkitAssessmentsRequest());

        Assert.Equal((3, 4, 1, 1, 3), (summary.CompletedAgencyCount, summary.CompletedCount, summary.InProgressCount, summary.PlannedCount, summary.CompletedWithOrganisationSupportCount));
        Assert.Equal(["FAO", "UNDP", "WHO"], summary.CompletedAgencies);
        Assert.Equal(["TZA"], summary.CompletedCountryCodes);

        using var http = fixture.Service.JsonClient();
        var json = await http.GetFromJsonAsync<JsonElement>("/v1/toolkit-assessments/reports/summary");
        Assert.Equal(3, json.GetProperty("completedAgencyCount").GetInt32());
    }
}
