using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;
using Google.Type;
using Grpc.Core;

namespace DecentWork.Partnerships.Tests;

public class ProjectServiceTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly PartnershipsService.PartnershipsServiceClient _client = new(fixture.Service.Channel);
    private static readonly Date Day = new() { Year = 2008, Month = 3, Day = 1 };

    private async Task<RegisterProjectRequest> Request(int startYear = 2008, bool linked = true)
    {
        var partner = await _client.RegisterPartnerAsync(Requests.Partner());
        var request = new RegisterProjectRequest
        {
            Code = $"zam/{Guid.NewGuid():N}", Title = "Youth employment", CountryCodes = { "ZMB" }, PartnerIds = { partner.Id },
            Budget = ProtoConvert.ToMoney(2_000_000m),
            StartDate = new Date { Year = startYear, Month = 1, Day = 1 }, EndDate = new Date { Year = startYear + 1, Month = 12, Day = 31 },
        };
        if (linked)
        {
            request.OutcomeIds.Add(Guid.NewGuid().ToString());
            request.StrategicObjectives.Add(2);
        }
        return request;
    }

    private static AppraisalFinding Ok => new() { Satisfactory = true };

    private static AppraiseProjectRequest Appraise(Project project, bool legal = true) => new()
    {
        Id = project.Id,
        Appraisal = new ProjectAppraisal
        {
            Relevance = Ok, Design = Ok, FinancialFeasibility = Ok, LegalFeasibility = new AppraisalFinding { Satisfactory = legal, Note = "host agreement" },
            Sustainability = Ok, Coherence = Ok, Appraiser = "PARDEV", AppraisalDate = Day,
        },
    };

    private static ReviewProjectGenderRequest Gender(Project project) =>
        new() { Id = project.Id, Review = new GenderPeerReview { Cleared = true, Reviewer = "GENDER", ReviewDate = Day } };

    [Fact]
    public async Task ApproveProject_AfterASatisfactoryAppraisalAndGenderReview_MovesToImplementation()
    {
        var project = await _client.RegisterProjectAsync(await Request());
        Assert.Equal(ProjectStatus.Pipeline, project.Status);

        await _client.AppraiseProjectAsync(Appraise(project));
        await _client.ReviewProjectGenderAsync(Gender(project));
        var approved = await _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id, ExpectedVersion = 3 });

        var caller = await fixture.Service.DisplayOfAsync(fixture.Service.DefaultCaller);
        Assert.Equal((ProjectStatus.Implementation, 4L, caller, caller, true),
            (approved.Status, approved.Version, approved.Appraisal.Appraiser, approved.GenderPeerReview.Reviewer, approved.GenderPeerReview.Cleared));
        Assert.Equal(caller, Assert.Single(approved.StatusChanges).ChangedBy);
        Assert.Equal(approved, await _client.GetProjectAsync(new GetProjectRequest { Id = project.Id }));
        var listed = await _client.ListProjectsAsync(new ListProjectsRequest { Status = ProjectStatus.Implementation });
        Assert.Contains(listed.Projects, p => p.Id == project.Id);
    }

    [Fact]
    public async Task ApproveProject_WhenUnappraisedUnsatisfactoryOrStale_FailsOrIsAborted()
    {
        var project = await _client.RegisterProjectAsync(await Request());
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id }).ResponseAsync);
        Assert.Contains("not been appraised", error.Status.Detail);

        await _client.AppraiseProjectAsync(Appraise(project, legal: false));
        await _client.ReviewProjectGenderAsync(Gender(project));
        error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id }).ResponseAsync);
        Assert.Contains("legal feasibility", error.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id, ExpectedVersion = 1 }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.ApproveProjectAsync(new ApproveProjectRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task RegisterProject_WhenTheCodeIsTakenIgnoringCaseOrAPartnerIsUnknown_FailsAccordingly()
    {
        var request = await Request();
        await _client.RegisterProjectAsync(request);
        request.Code = request.Code.ToUpperInvariant();
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.RegisterProjectAsync(request).ResponseAsync);

        var unknown = await Request();
        unknown.PartnerIds.Add(Guid.NewGuid().ToString());
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RegisterProjectAsync(unknown).ResponseAsync);
    }

    [Fact]
    public async Task RegisterProject_WhenEveryFieldIsWrong_ListsEveryField()
    {
        var request = new RegisterProjectRequest
        {
            CountryCodes = { "XXX" }, PartnerIds = { "p" }, OutcomeIds = { "o" }, StrategicObjectives = { 9 },
            StartDate = new Date { Year = 2008, Month = 2, Day = 30 },
        };
        await RpcAssert.InvalidFields(() => _client.RegisterProjectAsync(request).ResponseAsync,
            "code", "title", "country_codes[0]", "partner_ids[0]", "outcome_ids[0]", "strategic_objectives", "budget", "start_date", "end_date");
        await RpcAssert.InvalidFields(() => _client.RegisterProjectAsync(new RegisterProjectRequest { Code = "x", Title = "t", Budget = ProtoConvert.ToMoney(1m),
            StartDate = Day, EndDate = Day }).ResponseAsync, "country_codes", "partner_ids");
    }

    [Fact]
    public async Task AppraiseAndReviewGender_WhenIncomplete_ListTheMissingFields()
    {
        var project = await _client.RegisterProjectAsync(await Request());
        await RpcAssert.InvalidFields(() => _client.AppraiseProjectAsync(new AppraiseProjectRequest
        {
            Id = project.Id, Appraisal = new ProjectAppraisal { Relevance = Ok, Design = Ok, Sustainability = Ok, Coherence = Ok }, ExpectedVersion = -1,
        }).ResponseAsync, "appraisal.financial_feasibility", "appraisal.legal_feasibility", "appraisal.appraisal_date", "expected_version");
        await RpcAssert.InvalidFields(() => _client.ReviewProjectGenderAsync(new ReviewProjectGenderRequest { Id = "x" }).ResponseAsync, "id", "review");
        var future = Gender(project);
        future.Review.ReviewDate = new Date { Year = 2099, Month = 1, Day = 1 };
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ReviewProjectGenderAsync(future).ResponseAsync);
    }

    [Fact]
    public async Task ReportProjectLinkage_CountsTheProjectsRunningInThePeriodOverJson()
    {
        foreach (var linked in new[] { true, true, true, false })
            await _client.RegisterProjectAsync(await Request(1994, linked));
        await _client.RegisterProjectAsync(await Request(1990, linked: false)); // ends 1991, before the period

        var http = fixture.Service.JsonClient();
        var report = await http.GetFromJsonAsync<JsonElement>("/v1/projects/reports:linkage?startYear=1995&endYear=1996");

        Assert.Equal((4, 3, "75.00"), (report.GetProperty("projectCount").GetInt32(), report.GetProperty("linkedToBoth").GetInt32(),
            report.GetProperty("linkedSharePercent").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/v1/projects/reports:linkage?startYear=1996&endYear=1995")).StatusCode);
    }

    private async Task<Project> ApprovedProject()
    {
        var project = await _client.RegisterProjectAsync(await Request());
        await _client.AppraiseProjectAsync(Appraise(project));
        await _client.ReviewProjectGenderAsync(Gender(project));
        return await _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id, ApprovedOn = new Date { Year = 2008, Month = 3, Day = 15 } });
    }

    private static ChangeProjectStatusRequest Change(Project project, ProjectStatus to, string reason = "", Date? on = null, long expectedVersion = 0) =>
        new() { Id = project.Id, Status = to, Reason = reason, ChangedOn = on, ExpectedVersion = expectedVersion };

    [Fact]
    public async Task ChangeProjectStatus_FromImplementationThroughSuspensionToClosure_RecordsEveryStepDated()
    {
        var project = await ApprovedProject();
        await _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Suspended, "elections", new Date { Year = 2008, Month = 6, Day = 1 }, expectedVersion: 4));
        await _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Implementation, on: new Date { Year = 2008, Month = 9, Day = 1 }));
        await _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Finalisation, on: new Date { Year = 2009, Month = 12, Day = 1 }));
        var closed = await _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Closed, "final report accepted"));

        Assert.Equal((ProjectStatus.Closed, 8L), (closed.Status, closed.Version));
        Assert.Equal([(ProjectStatus.Pipeline, ProjectStatus.Implementation, "2008-03-15", ""), (ProjectStatus.Implementation, ProjectStatus.Suspended, "2008-06-01", "elections"),
                (ProjectStatus.Suspended, ProjectStatus.Implementation, "2008-09-01", ""), (ProjectStatus.Implementation, ProjectStatus.Finalisation, "2009-12-01", "")],
            closed.StatusChanges.Take(4).Select(c => (c.FromStatus, c.ToStatus, $"{c.ChangedOn.Year:D4}-{c.ChangedOn.Month:D2}-{c.ChangedOn.Day:D2}", c.Reason)));
        var today = DateOnly.FromDateTime(System.DateTime.UtcNow);
        Assert.Equal((ProjectStatus.Closed, today.Year, "final report accepted"), (closed.StatusChanges[4].ToStatus, closed.StatusChanges[4].ChangedOn.Year, closed.StatusChanges[4].Reason));
        Assert.Equal(closed, await _client.GetProjectAsync(new GetProjectRequest { Id = project.Id }));
        var listed = await _client.ListProjectsAsync(new ListProjectsRequest { Status = ProjectStatus.Closed });
        Assert.Contains(listed.Projects, p => p.Id == project.Id);
    }

    [Fact]
    public async Task ChangeProjectStatus_WhenTheStepIsNotAllowed_FailsNamingWhatIs()
    {
        var pipeline = await _client.RegisterProjectAsync(await Request());
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.ChangeProjectStatusAsync(Change(pipeline, ProjectStatus.Implementation)).ResponseAsync);
        Assert.Contains("ApproveProject", error.Status.Detail);

        var project = await ApprovedProject();
        error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Closed)).ResponseAsync);
        Assert.Contains("implementation to finalisation", error.Status.Detail);
        error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Cancelled)).ResponseAsync);
        Assert.Contains("reason", error.Status.Detail);
        error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Finalisation, on: new Date { Year = 2008, Month = 3, Day = 14 })).ResponseAsync);
        Assert.Contains("2008-03-15", error.Status.Detail);

        await _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Cancelled, "donor withdrew"));
        error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Implementation)).ResponseAsync);
        Assert.Contains("final", error.Status.Detail);
        Assert.Equal(ProjectStatus.Cancelled, (await _client.GetProjectAsync(new GetProjectRequest { Id = project.Id })).Status);
    }

    [Fact]
    public async Task ChangeProjectStatus_WhenInputIsBadUnknownOrStale_IsInvalidNotFoundOrAborted()
    {
        await RpcAssert.InvalidFields(() => _client.ChangeProjectStatusAsync(new ChangeProjectStatusRequest
        {
            Id = "x", Reason = new string('r', 2001), ChangedOn = new Date { Year = 2008, Month = 2, Day = 30 }, ExpectedVersion = -1,
        }).ResponseAsync, "id", "status", "reason", "changed_on", "expected_version");
        await RpcAssert.InvalidFields(() => _client.ChangeProjectStatusAsync(new ChangeProjectStatusRequest { Id = Guid.NewGuid().ToString(), Status = (ProjectStatus)9 }).ResponseAsync,
            "status");
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.ChangeProjectStatusAsync(new ChangeProjectStatusRequest { Id = Guid.NewGuid().ToString(), Status = ProjectStatus.Closed }).ResponseAsync);
        var project = await ApprovedProject();
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.ChangeProjectStatusAsync(Change(project, ProjectStatus.Finalisation, expectedVersion: 3)).ResponseAsync);
        var future = Change(project, ProjectStatus.Finalisation, on: new Date { Year = 2099, Month = 1, Day = 1 });
        Assert.Contains("future", (await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ChangeProjectStatusAsync(future).ResponseAsync)).Status.Detail);
    }

    [Fact]
    public async Task ApproveProject_WhenDatedBeforeTheReviewsOrNotARealDate_FailsOrIsInvalid()
    {
        var project = await _client.RegisterProjectAsync(await Request());
        await _client.AppraiseProjectAsync(Appraise(project));
        await _client.ReviewProjectGenderAsync(Gender(project));

        var early = new ApproveProjectRequest { Id = project.Id, ApprovedOn = new Date { Year = 2008, Month = 2, Day = 28 } };
        Assert.Contains("before its appraisal", (await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApproveProjectAsync(early).ResponseAsync)).Status.Detail);
        await RpcAssert.InvalidFields(() => _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id, ApprovedOn = new Date { Year = 2008, Month = 13, Day = 1 } }).ResponseAsync,
            "approved_on");
        var approved = await _client.ApproveProjectAsync(new ApproveProjectRequest { Id = project.Id, ApprovedOn = Day });
        Assert.Equal((ProjectStatus.Implementation, 2008, 3), (approved.Status, approved.StatusChanges.Single().ChangedOn.Year, approved.StatusChanges.Single().ChangedOn.Month));
    }

    [Fact]
    public async Task ChangeProjectStatus_OverJson_SuspendsAndRefusesAnIllegalStepWith400()
    {
        var project = await ApprovedProject();
        var http = fixture.Service.JsonClient();

        var suspended = await http.PostAsJsonAsync($"/v1/projects/{project.Id}:changeStatus",
            new { status = "PROJECT_STATUS_SUSPENDED", reason = "security situation", changedOn = new { year = 2008, month = 5, day = 1 }, expectedVersion = "4" });
        Assert.True(HttpStatusCode.OK == suspended.StatusCode, await suspended.Content.ReadAsStringAsync());
        var body = await suspended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("PROJECT_STATUS_SUSPENDED", "security situation"),
            (body.GetProperty("status").GetString(), body.GetProperty("statusChanges")[1].GetProperty("reason").GetString()));

        var closing = await http.PostAsJsonAsync($"/v1/projects/{project.Id}:changeStatus", new { status = "PROJECT_STATUS_CLOSED" });
        Assert.Equal(HttpStatusCode.BadRequest, closing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await http.PostAsJsonAsync($"/v1/projects/{Guid.NewGuid()}:changeStatus", new { status = "PROJECT_STATUS_CLOSED" })).StatusCode);
    }
}
