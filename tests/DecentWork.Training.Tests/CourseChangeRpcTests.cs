using System.Collections.Concurrent;
using DecentWork.Contracts.Events.Training;
using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;

namespace DecentWork.Training.Tests;

/// <summary>ChangeCourse and WithdrawCourse over gRPC: history old -> new, versions, the catalogue, editions, applications and the event.</summary>
public class CourseChangeRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private static ChangeCourseRequest Change(Course course, string code, string title, long expectedVersion = 0) => new()
    {
        Id = course.Id, ExpectedVersion = expectedVersion, Code = code, Title = title, Description = "Inspection of workplaces",
        Languages = { "FR", "en" }, DurationDays = 4, Themes = { CourseTheme.SocialDialogue },
    };

    private async Task<bool> ListedAsync(Course course, bool includeWithdrawn = false) =>
        (await _client.ListCoursesAsync(new ListCoursesRequest { Text = course.Code, IncludeWithdrawn = includeWithdrawn })).Courses.Any(c => c.Id == course.Id);

    [Fact]
    public async Task ChangeCourse_WhenValid_ReplacesTheEntryKeepsOldAndNewInHistoryAndAnnouncesIt()
    {
        var heard = new ConcurrentQueue<CoursePublished>();
        var handle = fixture.Bus.ConnectReceiveEndpoint($"test-course-changed-{Guid.NewGuid():N}", e =>
            e.Handler<CoursePublished>(context => { heard.Enqueue(context.Message); return Task.CompletedTask; }));
        await handle.Ready;
        try
        {
            var course = await _client.PublishAsync("Labour inspektion");
            var code = TrainingFixture.NewCode("ch");

            var changed = await _client.ChangeCourseAsync(Change(course, code.ToLowerInvariant(), " Labour inspection ", course.Version));
            var again = await _client.ChangeCourseAsync(Change(changed, code, "Labour inspection"));

            Assert.Equal((code, "Labour inspection", "Inspection of workplaces", 4, course.Version + 1), (changed.Code, changed.Title, changed.Description, changed.DurationDays, changed.Version));
            Assert.Equal(["fr", "en"], changed.Languages);
            Assert.Equal(changed.Version, again.Version);
            var history = await _client.GetCourseHistoryAsync(new GetCourseHistoryRequest { CourseId = course.Id });
            var record = history.Records.Last();
            Assert.Equal("ChangeCourse", record.Action);
            var title = Assert.Single(record.Changes, c => c.Path == "title");
            Assert.Equal(("Labour inspektion", "Labour inspection"), (title.OldValue, title.NewValue));
            Assert.Equal(2, history.Records.Count);
            var announced = await Eventually.Until(() => Task.FromResult(heard.FirstOrDefault(e => e.CourseId.ToString() == course.Id && e.Revision == 2)),
                e => e is not null, what: "the changed course's CoursePublished");
            Assert.Equal((code, "Labour inspection", false), (announced!.Code, announced.Title, announced.Withdrawn));
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    [Fact]
    public async Task ChangeCourse_WhenStaleTakenOrInvalid_IsRefusedAndChangesNothing()
    {
        var course = await _client.PublishAsync("Social security");
        var other = await _client.PublishAsync("Employment policy");

        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.ChangeCourseAsync(Change(course, course.Code, "New title", course.Version + 1)).ResponseAsync);
        var taken = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _client.ChangeCourseAsync(Change(course, other.Code.ToLowerInvariant(), "New title")).ResponseAsync);
        Assert.Contains(other.Code, taken.Status.Detail);
        await RpcAssert.InvalidFields(() => _client.ChangeCourseAsync(new ChangeCourseRequest
        {
            Id = "not-a-uuid", ExpectedVersion = -1, Code = "x", Title = "", DurationDays = 366, Languages = { "xx" }, Themes = { CourseTheme.Unspecified },
        }).ResponseAsync, "id", "expected_version", "code", "title", "duration_days", "languages", "themes");
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.ChangeCourseAsync(new ChangeCourseRequest { Id = Guid.NewGuid().ToString(), Code = "AB-1", Title = "T" }).ResponseAsync);

        Assert.Equal(course, await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id }));
    }

    [Fact]
    public async Task WithdrawCourse_WhenGivenAReason_LeavesTheCatalogueAndTakesNoNewEditionsOrApplications()
    {
        var course = await _client.PublishAsync("Migration statistics");
        var edition = await _client.OpenEditionAsync(course, year: 2032, capacity: 5);
        Assert.True(await ListedAsync(course));

        await RpcAssert.InvalidFields(() => _client.WithdrawCourseAsync(new WithdrawCourseRequest { Id = course.Id, Reason = "  " }).ResponseAsync, "reason");
        // Scheduling the edition saved the course too (its mark, money4): the version to expect is read again.
        var current = await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id });
        var withdrawn = await _client.WithdrawCourseAsync(new WithdrawCourseRequest { Id = course.Id, Reason = " Replaced by a new course ", ExpectedVersion = current.Version });

        Assert.Equal((true, "Replaced by a new course", true), (withdrawn.Withdrawn, withdrawn.WithdrawalReason, withdrawn.WithdrawnBy.Length > 0 && withdrawn.WithdrawnAt is not null));
        Assert.False(await ListedAsync(course));
        Assert.True(await ListedAsync(course, includeWithdrawn: true));
        var scheduling = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ScheduleEditionAsync(TrainingCalls.Plan(course, 2033)).ResponseAsync);
        Assert.Contains("withdrawn", scheduling.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApplyForEditionAsync(TrainingCalls.Application(edition)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.WithdrawCourseAsync(new WithdrawCourseRequest { Id = course.Id, Reason = "Again" }).ResponseAsync);
        // Nothing deleted: the course and its edition are still there, with no application added.
        Assert.Equal(withdrawn, await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id }));
        var kept = await _client.GetEditionAsync(new GetEditionRequest { CourseId = course.Id, EditionId = edition.Id });
        Assert.Empty(kept.Enrolments);
    }
}
