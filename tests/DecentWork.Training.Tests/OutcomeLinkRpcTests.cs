using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Training.Tests;

public class OutcomeLinkRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private Task<Course> LinkAsync(Course course, Guid programmeId, Guid outcomeId, long expectedVersion = 0) =>
        _client.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest
        {
            CourseId = course.Id, ProgrammeId = programmeId.ToString(), OutcomeId = outcomeId.ToString(), ExpectedVersion = expectedVersion,
        }).ResponseAsync;

    private Task<Edition> LinkAsync(Edition edition, Guid programmeId, Guid outcomeId, long expectedVersion = 0) =>
        _client.LinkEditionToOutcomeAsync(new LinkEditionToOutcomeRequest
        {
            CourseId = edition.CourseId, EditionId = edition.Id, ProgrammeId = programmeId.ToString(), OutcomeId = outcomeId.ToString(), ExpectedVersion = expectedVersion,
        }).ResponseAsync;

    [Fact]
    public async Task LinkCourseToOutcome_WhenOutcomeIsKnown_LinksTheOutcomeAndItsProgramme()
    {
        var outcome = TrainingFixture.Outcome("ZMB 101");
        var programme = await fixture.ApprovedProgrammeAsync("ZMB", outcome, TrainingFixture.Outcome("ZMB 102"));
        var course = await _client.PublishAsync();

        var linked = await LinkAsync(course, programme, outcome.OutcomeId, expectedVersion: course.Version);

        var link = Assert.Single(linked.LinkedOutcomes);
        Assert.Equal((programme.ToString(), outcome.OutcomeId.ToString(), "ZMB 101"), (link.ProgrammeId, link.OutcomeId, link.OutcomeCode));
        Assert.Equal([programme.ToString()], linked.LinkedProgrammeIds);
        Assert.Equal(2, linked.Version);
        Assert.Equal(linked, await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id }));
        // Linking again is a no-op: same course, same version.
        Assert.Equal(linked, await LinkAsync(course, programme, outcome.OutcomeId));
        // The programme link that existed before still works beside it (and is already there).
        var viaProgramme = await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = course.Id, ProgrammeId = programme.ToString() });
        Assert.Equal(2, viaProgramme.Version);
    }

    [Fact]
    public async Task LinkCourseToOutcome_WhenFieldsAreInvalid_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest
        {
            CourseId = "A901", ProgrammeId = "", OutcomeId = "x", ExpectedVersion = -1,
        }).ResponseAsync, "course_id", "programme_id", "outcome_id", "expected_version");

    [Fact]
    public async Task LinkCourseToOutcome_WhenCourseIsUnknown_IsNotFound()
    {
        var outcome = TrainingFixture.Outcome("TZA 1");
        var programme = await fixture.ApprovedProgrammeAsync("TZA", outcome);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest
        {
            CourseId = Guid.NewGuid().ToString(), ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(),
        }).ResponseAsync);
    }

    [Fact]
    public async Task LinkCourseToOutcome_WhenProgrammeOrOutcomeIsUnknown_FailsPreconditionSayingWhich()
    {
        var course = await _client.PublishAsync();
        var registeredOnly = await fixture.KnownProgrammeAsync("JOR");
        var unknownProgramme = Guid.NewGuid();
        var unknownOutcome = Guid.NewGuid();

        var noProgramme = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(course, unknownProgramme, unknownOutcome));
        var noOutcome = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(course, registeredOnly, unknownOutcome));

        Assert.Contains($"has not heard of programme '{unknownProgramme}'", noProgramme.Status.Detail);
        Assert.Contains($"has not heard of outcome '{unknownOutcome}' of programme '{registeredOnly}'", noOutcome.Status.Detail);
        Assert.Equal(1, (await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id })).Version);
    }

    [Fact]
    public async Task LinkCourseToOutcome_WhenOutcomeWasWithdrawn_FailsPrecondition()
    {
        var outcome = TrainingFixture.Outcome("KHM 3");
        var programme = await fixture.ApprovedProgrammeAsync("KHM", outcome);
        await fixture.WithdrawAsync(programme, outcome);
        var course = await _client.PublishAsync();

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(course, programme, outcome.OutcomeId));

        Assert.Contains("'KHM 3'", error.Status.Detail);
        Assert.Contains("withdrawn", error.Status.Detail);
        Assert.Empty((await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id })).LinkedOutcomes);
    }

    [Fact]
    public async Task LinkCourseToOutcome_WhenExpectedVersionIsStale_IsAborted()
    {
        var (first, second) = (TrainingFixture.Outcome("NPL 1"), TrainingFixture.Outcome("NPL 2"));
        var programme = await fixture.ApprovedProgrammeAsync("NPL", first, second);
        var course = await _client.PublishAsync();
        await LinkAsync(course, programme, first.OutcomeId);

        await RpcAssert.FailsWith(StatusCode.Aborted, () => LinkAsync(course, programme, second.OutcomeId, expectedVersion: course.Version));

        Assert.Single((await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id })).LinkedOutcomes);
    }

    [Fact]
    public async Task LinkEditionToOutcome_WhenOutcomeIsKnown_LinksTheEditionOnly()
    {
        var outcome = TrainingFixture.Outcome("MOZ 2");
        var programme = await fixture.ApprovedProgrammeAsync("MOZ", outcome);
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course);

        var linked = await LinkAsync(edition, programme, outcome.OutcomeId, expectedVersion: edition.Version);

        Assert.Equal((outcome.OutcomeId.ToString(), "MOZ 2"), (Assert.Single(linked.LinkedOutcomes).OutcomeId, linked.LinkedOutcomes[0].OutcomeCode));
        Assert.Equal(edition.Version + 1, linked.Version);
        Assert.Equal(linked, await _client.GetEditionAsync(new GetEditionRequest { CourseId = course.Id, EditionId = edition.Id }));
        Assert.Empty((await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id })).LinkedOutcomes);
        Assert.Equal(linked.Version, (await LinkAsync(edition, programme, outcome.OutcomeId)).Version);
    }

    [Fact]
    public async Task LinkEditionToOutcome_WhenEditionIsUnknownCancelledOrOutcomeWithdrawn_Fails()
    {
        var (kept, withdrawn) = (TrainingFixture.Outcome("VNM 1"), TrainingFixture.Outcome("VNM 2"));
        var programme = await fixture.ApprovedProgrammeAsync("VNM", kept, withdrawn);
        await fixture.WithdrawAsync(programme, withdrawn);
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course);

        await RpcAssert.FailsWith(StatusCode.NotFound, () => LinkAsync(new Edition { CourseId = course.Id, Id = Guid.NewGuid().ToString() }, programme, kept.OutcomeId));
        var other = await _client.PublishAsync();
        await RpcAssert.FailsWith(StatusCode.NotFound, () => LinkAsync(new Edition { CourseId = other.Id, Id = edition.Id }, programme, kept.OutcomeId));
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(edition, programme, withdrawn.OutcomeId));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => LinkAsync(edition, programme, kept.OutcomeId, expectedVersion: edition.Version + 5));
        await _client.SetAsync(edition, EditionStatus.Cancelled);
        var cancelled = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(edition, programme, kept.OutcomeId));
        Assert.Contains("cancelled", cancelled.Status.Detail);
    }

    [Fact]
    public async Task LinkEditionToOutcome_WhenFieldsAreInvalid_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.LinkEditionToOutcomeAsync(new LinkEditionToOutcomeRequest
        {
            CourseId = "c", EditionId = "e", ProgrammeId = "p", OutcomeId = "", ExpectedVersion = -2,
        }).ResponseAsync, "course_id", "edition_id", "programme_id", "outcome_id", "expected_version");

    [Fact]
    public async Task ProgrammeApproved_BeforeItsRegistration_StillGivesTitleAndOutcomes()
    {
        var registered = TrainingFixture.Registered("BRA", "DWCP Brazil");
        var outcome = TrainingFixture.Outcome("BRA 1");
        await fixture.Bus.Publish(new ProgrammeApproved(registered.ProgrammeId, "BRA", "Americas", new DateOnly(2008, 1, 1), [outcome], DateTimeOffset.UtcNow));
        await Eventually.Until(() => fixture.KnownProgrammes.FindAsync(registered.ProgrammeId), p => p is not null, what: "the approval");
        await fixture.Bus.Publish(registered);

        var known = await Eventually.Until(() => fixture.KnownProgrammes.FindAsync(registered.ProgrammeId), p => p!.Registered, what: "the registration");

        Assert.Equal(("BRA", "DWCP Brazil", "BRA 1"), (known!.CountryCode, known.Title, Assert.Single(known.Outcomes).Code));
    }

    [Fact]
    public async Task JsonRoutes_LinkCourseAndEditionToOutcomes()
    {
        var http = fixture.Service.JsonClient();
        var outcome = TrainingFixture.Outcome("ALB 1");
        var programme = await fixture.ApprovedProgrammeAsync("ALB", outcome);
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course);

        var linkedCourse = await http.PostAsJsonAsync($"/v1/courses/{course.Id}:linkOutcome", new { programmeId = programme, outcomeId = outcome.OutcomeId });
        Assert.True(HttpStatusCode.OK == linkedCourse.StatusCode, await linkedCourse.Content.ReadAsStringAsync());
        var body = await linkedCourse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ALB 1", Assert.Single(body.GetProperty("linkedOutcomes").EnumerateArray()).GetProperty("outcomeCode").GetString());

        var linkedEdition = await http.PostAsJsonAsync($"/v1/courses/{course.Id}/editions/{edition.Id}:linkOutcome", new { programmeId = programme, outcomeId = outcome.OutcomeId });
        Assert.True(HttpStatusCode.OK == linkedEdition.StatusCode, await linkedEdition.Content.ReadAsStringAsync());
        var editionBody = await linkedEdition.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(outcome.OutcomeId.ToString(), Assert.Single(editionBody.GetProperty("linkedOutcomes").EnumerateArray()).GetProperty("outcomeId").GetString());

        var unknown = await http.PostAsJsonAsync($"/v1/courses/{course.Id}:linkOutcome", new { programmeId = programme, outcomeId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
