using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Google.Rpc;
using Grpc.Core;
using Xunit.Abstractions;
using HistoryRecord = DecentWork.Contracts.Common.V1.HistoryRecord;

namespace DecentWork.Training.Tests;

/// <summary>
/// ScheduleEdition or ApplyForEdition and WithdrawCourse at the same instant, over real gRPC calls,
/// many times: the two are ordered on one aggregate, so either the withdrawal came first and the
/// write is refused (nothing written), or the write exists and the history shows it before the withdrawal.
/// </summary>
public class CourseWithdrawalRaceTests(TrainingFixture fixture, ITestOutputHelper output) : IClassFixture<TrainingFixture>
{
    private const int Rounds = 30;
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task ScheduleEdition_WhenTheCourseIsWithdrawnAtTheSameInstant_IsRefusedOrOrderedBeforeTheWithdrawal()
    {
        var (refused, taken) = (0, 0);
        for (var round = 0; round < Rounds; round++)
        {
            var course = await _client.PublishAsync($"Race {round}");
            var scheduling = await RaceWithWithdrawalAsync(course, () => _client.ScheduleEditionAsync(TrainingCalls.Plan(course, 2040)).ResponseAsync);

            var editions = await _client.ListEditionsAsync(new ListEditionsRequest { CourseId = course.Id });
            if (scheduling.IsCompletedSuccessfully)
            {
                taken++;
                var edition = await scheduling;
                Assert.Equal(edition.Id, Assert.Single(editions.Editions).Id);
                var history = await CourseHistoryAsync(course);
                var admitted = history.FindIndex(r => r.Changes.Any(c => c.Path == "lastScheduledEditionId" && c.NewValue == edition.Id));
                var withdrawn = history.FindIndex(r => r.Action == "WithdrawCourse");
                Assert.True(admitted >= 0 && admitted < withdrawn, $"round {round}: the edition was scheduled on a course its withdrawal had overtaken");
            }
            else
            {
                refused++;
                await AssertRefusedAsWithdrawnAsync(scheduling);
                Assert.Empty(editions.Editions);
            }
        }
        output.WriteLine($"ScheduleEdition, {Rounds} rounds: {taken} before the withdrawal, {refused} refused after it");
    }

    [Fact]
    public async Task ApplyForEdition_WhenTheCourseIsWithdrawnAtTheSameInstant_IsRefusedOrOrderedBeforeTheWithdrawal()
    {
        var (refused, taken) = (0, 0);
        for (var round = 0; round < Rounds; round++)
        {
            var course = await _client.PublishAsync($"Race {round}");
            var edition = await _client.OpenEditionAsync(course, year: 2040, capacity: 5);
            var applying = await RaceWithWithdrawalAsync(course, () => _client.ApplyForEditionAsync(TrainingCalls.Application(edition)).ResponseAsync);

            var stored = await _client.GetEditionAsync(new GetEditionRequest { CourseId = course.Id, EditionId = edition.Id });
            if (applying.IsCompletedSuccessfully)
            {
                taken++;
                Assert.Single(stored.Enrolments);
                var history = (await _client.GetEditionHistoryAsync(new GetEditionHistoryRequest { CourseId = course.Id, EditionId = edition.Id })).Records.ToList();
                var applied = history.FindIndex(r => r.Action == "ApplyForEdition");
                var noted = history.FindIndex(r => r.Action == "WithdrawCourse");
                Assert.True(applied >= 0 && applied < noted, $"round {round}: the application was taken on a course its withdrawal had overtaken");
            }
            else
            {
                refused++;
                await AssertRefusedAsWithdrawnAsync(applying);
                Assert.Empty(stored.Enrolments);
            }
        }
        output.WriteLine($"ApplyForEdition, {Rounds} rounds: {taken} before the withdrawal, {refused} refused after it");
    }

    /// <summary>Starts the write and the withdrawal together; answers the write once both are done (the withdrawal must succeed).</summary>
    private async Task<Task<T>> RaceWithWithdrawalAsync<T>(Course course, Func<Task<T>> write)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writing = Task.Run(async () =>
        {
            await go.Task;
            return await write();
        });
        var withdrawing = Task.Run(async () =>
        {
            await go.Task;
            return await _client.WithdrawCourseAsync(new WithdrawCourseRequest { Id = course.Id, Reason = "Replaced" });
        });
        go.SetResult();
        Assert.True((await withdrawing).Withdrawn);
        await Task.WhenAny(writing);
        return writing;
    }

    private static async Task AssertRefusedAsWithdrawnAsync<T>(Task<T> write)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => write);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("COURSE_WITHDRAWN", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    private async Task<List<HistoryRecord>> CourseHistoryAsync(Course course) =>
        [.. (await _client.GetCourseHistoryAsync(new GetCourseHistoryRequest { CourseId = course.Id })).Records];
}
