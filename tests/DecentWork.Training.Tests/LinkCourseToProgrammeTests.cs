using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Training.Tests;

public class LinkCourseToProgrammeTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private async Task<Course> PublishAsync() =>
        await _client.PublishCourseAsync(new PublishCourseRequest { Code = TrainingFixture.NewCode("lnk"), Title = "Employment policy" });

    private Task<Course> LinkAsync(Course course, Guid programmeId, long expectedVersion = 0) =>
        _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest
        {
            CourseId = course.Id, ProgrammeId = programmeId.ToString(), ExpectedVersion = expectedVersion,
        }).ResponseAsync;

    [Fact]
    public async Task LinkCourseToProgramme_WhenProgrammeIsKnown_LinksAndBumpsTheVersion()
    {
        var course = await PublishAsync();
        var programme = await fixture.KnownProgrammeAsync();

        var linked = await LinkAsync(course, programme, expectedVersion: course.Version);

        Assert.Equal([programme.ToString()], linked.LinkedProgrammeIds);
        Assert.Equal(2, linked.Version);
        Assert.Equal(linked, await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id }));
    }

    [Fact]
    public async Task LinkCourseToProgramme_WhenAlreadyLinked_IsANoOpThatKeepsTheVersion()
    {
        var course = await PublishAsync();
        var programme = await fixture.KnownProgrammeAsync();
        var linked = await LinkAsync(course, programme);

        var again = await LinkAsync(course, programme, expectedVersion: linked.Version);

        Assert.Equal(linked, again);
        Assert.Equal(2, (await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id })).Version);
    }

    [Fact]
    public async Task LinkCourseToProgramme_WhenFieldsAreInvalid_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest
        {
            CourseId = "A901", ProgrammeId = "", ExpectedVersion = -1,
        }).ResponseAsync, "course_id", "programme_id", "expected_version");

    [Fact]
    public async Task LinkCourseToProgramme_WhenCourseIsUnknown_IsNotFound()
    {
        var programme = await fixture.KnownProgrammeAsync();
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest
        {
            CourseId = Guid.NewGuid().ToString(), ProgrammeId = programme.ToString(),
        }).ResponseAsync);
    }

    [Fact]
    public async Task LinkCourseToProgramme_WhenTrainingHasNotHeardOfTheProgramme_FailsPrecondition()
    {
        var course = await PublishAsync();
        var unknown = Guid.NewGuid();

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => LinkAsync(course, unknown));

        Assert.Contains(unknown.ToString(), error.Status.Detail);
        Assert.Contains("has not heard of", error.Status.Detail);
        Assert.Equal(1, (await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id })).Version);
    }

    [Fact]
    public async Task LinkCourseToProgramme_WhenExpectedVersionIsStale_IsAbortedAndChangesNothing()
    {
        var course = await PublishAsync();
        var first = await fixture.KnownProgrammeAsync();
        var second = await fixture.KnownProgrammeAsync("JOR");
        await LinkAsync(course, first);

        await RpcAssert.FailsWith(StatusCode.Aborted, () => LinkAsync(course, second, expectedVersion: course.Version));

        var current = await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id });
        Assert.Equal([first.ToString()], current.LinkedProgrammeIds);
        Assert.Equal(2, current.Version);
        var retried = await LinkAsync(course, second, expectedVersion: current.Version);
        Assert.Equal(3, retried.Version);
    }
}
