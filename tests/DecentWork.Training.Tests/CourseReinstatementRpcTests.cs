using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Events.Training;
using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Google.Rpc;
using Grpc.Core;
using MassTransit;

namespace DecentWork.Training.Tests;

/// <summary>ReinstateCourse over gRPC and JSON: back in the catalogue, the withdrawal kept in history old -> new, the event, and every refusal.</summary>
public class CourseReinstatementRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private async Task<Course> WithdrawnAsync(string title)
    {
        var course = await _client.PublishAsync(title);
        return await _client.WithdrawCourseAsync(new WithdrawCourseRequest { Id = course.Id, Reason = "Replaced by a new course" });
    }

    private async Task<bool> ListedAsync(Course course) =>
        (await _client.ListCoursesAsync(new ListCoursesRequest { Text = course.Code })).Courses.Any(c => c.Id == course.Id);

    [Fact]
    public async Task ReinstateCourse_WhenWithdrawn_PutsItBackKeepsTheWithdrawalInHistoryAndAnnouncesIt()
    {
        var heard = new ConcurrentQueue<CoursePublished>();
        var handle = fixture.Bus.ConnectReceiveEndpoint($"test-course-reinstated-{Guid.NewGuid():N}", e =>
            e.Handler<CoursePublished>(context => { heard.Enqueue(context.Message); return Task.CompletedTask; }));
        await handle.Ready;
        try
        {
            var withdrawn = await WithdrawnAsync("Occupational safety");

            var reinstated = await _client.ReinstateCourseAsync(new ReinstateCourseRequest
            {
                Id = withdrawn.Id, Reason = " Withdrawn by mistake ", ExpectedVersion = withdrawn.Version,
            });

            Assert.Equal((false, "", "", "Withdrawn by mistake", withdrawn.Version + 1),
                (reinstated.Withdrawn, reinstated.WithdrawalReason, reinstated.WithdrawnBy, reinstated.ReinstatementReason, reinstated.Version));
            Assert.Null(reinstated.WithdrawnAt);
            Assert.True(reinstated.ReinstatedBy.Length > 0 && reinstated.ReinstatedAt is not null);
            Assert.True(await ListedAsync(reinstated));
            var edition = await _client.OpenEditionAsync(reinstated, year: 2041);
            await _client.ApplyForEditionAsync(TrainingCalls.Application(edition));

            var record = (await _client.GetCourseHistoryAsync(new GetCourseHistoryRequest { CourseId = withdrawn.Id })).Records
                .Single(r => r.Action == "ReinstateCourse");
            Assert.Equal(("true", "false"), Change(record, "withdrawn"));
            Assert.Equal(("Replaced by a new course", ""), Change(record, "withdrawalReason"));
            Assert.Equal(("", "Withdrawn by mistake"), Change(record, "reinstatementReason"));
            var announced = await Eventually.Until(() => Task.FromResult(heard.FirstOrDefault(e => e.CourseId.ToString() == withdrawn.Id && e.Revision == 3)),
                e => e is not null, what: "the reinstated course's CoursePublished");
            Assert.False(announced!.Withdrawn);

            // Withdrawn again, the reinstatement's details make way for the new withdrawal's.
            var again = await _client.WithdrawCourseAsync(new WithdrawCourseRequest { Id = withdrawn.Id, Reason = "Really replaced" });
            Assert.Equal((true, "Really replaced", "", ""), (again.Withdrawn, again.WithdrawalReason, again.ReinstatementReason, again.ReinstatedBy));
            Assert.Null(again.ReinstatedAt);
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    [Fact]
    public async Task ReinstateCourse_WhenNotWithdrawnStaleUnknownOrInvalid_IsRefusedAndChangesNothing()
    {
        var listed = await _client.PublishAsync("Wage policy");
        var withdrawn = await WithdrawnAsync("Skills anticipation");

        var notWithdrawn = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _client.ReinstateCourseAsync(new ReinstateCourseRequest { Id = listed.Id, Reason = "Why not" }).ResponseAsync);
        Assert.Equal("COURSE_NOT_WITHDRAWN", notWithdrawn.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.ReinstateCourseAsync(new ReinstateCourseRequest
        {
            Id = withdrawn.Id, Reason = "Back", ExpectedVersion = withdrawn.Version - 1,
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.ReinstateCourseAsync(new ReinstateCourseRequest { Id = Guid.NewGuid().ToString(), Reason = "Back" }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.ReinstateCourseAsync(new ReinstateCourseRequest
        {
            Id = "not-a-uuid", Reason = " ", ExpectedVersion = -1,
        }).ResponseAsync, "id", "reason", "expected_version");
        await RpcAssert.InvalidFields(() => _client.ReinstateCourseAsync(new ReinstateCourseRequest
        {
            Id = withdrawn.Id, Reason = new string('r', 501),
        }).ResponseAsync, "reason");

        Assert.Equal(listed, await _client.GetCourseAsync(new GetCourseRequest { Id = listed.Id }));
        Assert.Equal(withdrawn, await _client.GetCourseAsync(new GetCourseRequest { Id = withdrawn.Id }));
    }

    [Fact]
    public async Task ReinstateCourse_WhenCalledOnTheJsonRoute_AnswersTheCourseOrTheStatusOfTheRefusal()
    {
        using var http = fixture.Service.JsonClient();
        var withdrawn = await WithdrawnAsync("Social protection floors");

        var reinstated = await http.PostAsJsonAsync($"/v1/courses/{withdrawn.Id}:reinstate", new { reason = "Still taught", expectedVersion = withdrawn.Version });
        Assert.True(HttpStatusCode.OK == reinstated.StatusCode, await reinstated.Content.ReadAsStringAsync());
        var body = await reinstated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Still taught", false), (body.GetProperty("reinstatementReason").GetString(), body.GetProperty("withdrawn").GetBoolean()));

        var twice = await http.PostAsJsonAsync($"/v1/courses/{withdrawn.Id}:reinstate", new { reason = "Again" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var noReason = await http.PostAsJsonAsync($"/v1/courses/{withdrawn.Id}:reinstate", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
    }

    private static (string? Old, string? New) Change(DecentWork.Contracts.Common.V1.HistoryRecord record, string path)
    {
        var change = Assert.Single(record.Changes, c => c.Path == path);
        return (change.HasOldValue ? change.OldValue : null, change.HasNewValue ? change.NewValue : null);
    }
}
