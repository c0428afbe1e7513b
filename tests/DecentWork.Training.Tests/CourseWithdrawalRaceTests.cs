using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Google.Rpc;
using Grpc.Core;
using Xunit.Abstractions;

namespace DecentWork.Training.Tests;

/// <summary>
/// ScheduleEdition and WithdrawCourse on one course at the same instant, over real gRPC calls, many
/// times: the two are ordered on the course, so either the withdrawal came first and the schedule is
/// refused (nothing written), or the edition exists and the course's history shows its scheduling
/// before the withdrawal.
/// </summary>
public class CourseWithdrawalRaceTests(TrainingFixture fixture, ITestOutputHelper output) : IClassFixture<TrainingFixture>
{
    private const int Rounds = 30;
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task ScheduleEdition_WhenTheCourseIsWithdrawnAtTheSameInstant_IsRefusedOrOrderedBeforeTheWithdrawal()
    {
        var (refused, scheduled) = (0, 0);
        for (var round = 0; round < Rounds; round++)
        {
            var course = await _client.PublishAsync($"Race {round}");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var scheduling = Task.Run(async () =>
            {
                await go.Task;
                return await _client.ScheduleEditionAsync(TrainingCalls.Plan(course, 2040));
            });
            var withdrawing = Task.Run(async () =>
            {
                await go.Task;
                return await _client.WithdrawCourseAsync(new WithdrawCourseRequest { Id = course.Id, Reason = "Replaced" });
            });
            go.SetResult();

            Assert.True((await withdrawing).Withdrawn);
            await Task.WhenAny(scheduling); // finished, either way; its outcome is read below
            var editions = await _client.ListEditionsAsync(new ListEditionsRequest { CourseId = course.Id });
            try
            {
                var edition = await scheduling;
                scheduled++;
                Assert.Equal(edition.Id, Assert.Single(editions.Editions).Id);
                var history = (await _client.GetCourseHistoryAsync(new GetCourseHistoryRequest { CourseId = course.Id })).Records.ToList();
                var admitted = history.FindIndex(r => r.Changes.Any(c => c.Path == "lastScheduledEditionId" && c.NewValue == edition.Id));
                var withdrawn = history.FindIndex(r => r.Changes.Any(c => c.Path == "withdrawn" && c.NewValue == "true"));
                Assert.True(admitted >= 0 && admitted < withdrawn, $"round {round}: the edition was scheduled on a course its withdrawal had overtaken");
            }
            catch (RpcException error)
            {
                refused++;
                Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
                Assert.Equal("COURSE_WITHDRAWN", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
                Assert.Empty(editions.Editions);
            }
        }
        output.WriteLine($"{Rounds} rounds: {scheduled} scheduled before the withdrawal, {refused} refused after it");
    }
}
