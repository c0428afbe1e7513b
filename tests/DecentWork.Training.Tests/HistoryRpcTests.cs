using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Training.Tests;

/// <summary>Training's history routes: course and edition changes old → new; a country office sees no enrolment changes.</summary>
public class HistoryRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task GetEditionHistory_WhenStatusAndEnrolmentsChange_ListsEachChangeOldToNew()
    {
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course);
        await _client.ApplyForEditionAsync(TrainingCalls.Application(edition));

        var history = await _client.GetEditionHistoryAsync(new GetEditionHistoryRequest { CourseId = course.Id, EditionId = edition.Id });

        Assert.Equal([1L, 2L, 3L], history.Records.Select(r => r.Version));
        Assert.Equal(["ScheduleEdition", "SetEditionStatus", "ApplyForEdition"], history.Records.Select(r => r.Action));
        var opened = Assert.Single(history.Records[1].Changes, c => c.Path == "status");
        Assert.Equal("Open", opened.NewValue);
        var enrolled = Assert.Single(history.Records[2].Changes, c => c.Path.StartsWith("enrolments[id=", StringComparison.Ordinal));
        Assert.False(enrolled.HasOldValue);
        // money2: the participant's name and e-mail are personal data, kept out of the never-pruned history.
        Assert.Contains("\"participantName\":\"(personal data)\"", enrolled.NewValue);
        Assert.DoesNotContain("Jane Banda", enrolled.NewValue);
    }

    [Fact]
    public async Task GetEditionHistory_WhenTheCallerIsACountryOffice_LeavesOutEveryEnrolmentChange()
    {
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course);
        await _client.ApplyForEditionAsync(TrainingCalls.Application(edition));
        var office = new TrainingService.TrainingServiceClient(fixture.Service.ChannelFor(TestCaller.CountryOffice("ZMB")));

        var history = await office.GetEditionHistoryAsync(new GetEditionHistoryRequest { CourseId = course.Id, EditionId = edition.Id });

        Assert.Equal(3, history.Records.Count);
        Assert.DoesNotContain(history.Records.SelectMany(r => r.Changes), c => c.Path.StartsWith("enrolments", StringComparison.Ordinal));
        Assert.Contains(history.Records[1].Changes, c => c.Path == "status");
    }

    [Fact]
    public async Task GetEditionHistory_WhenTheEditionIsUnderAnotherCourse_IsNotFound()
    {
        var course = await _client.PublishAsync();
        var other = await _client.PublishAsync("Other course");
        var edition = await _client.OpenEditionAsync(course);

        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.GetEditionHistoryAsync(new GetEditionHistoryRequest { CourseId = other.Id, EditionId = edition.Id }).ResponseAsync);
        await RpcAssert.InvalidFields(
            () => _client.GetEditionHistoryAsync(new GetEditionHistoryRequest { CourseId = "x", EditionId = "y" }).ResponseAsync, "course_id", "edition_id");
    }

    [Fact]
    public async Task GetCourseHistory_WhenPublished_RecordsTheCreationByTheCaller()
    {
        var course = await _client.PublishAsync("Social security inspection");

        var created = Assert.Single((await _client.GetCourseHistoryAsync(new GetCourseHistoryRequest { CourseId = course.Id })).Records);

        Assert.Equal(("Course", "PublishCourse"), (created.ResourceKind, created.Action));
        Assert.Contains(created.Changes, c => c.Path == "title" && c.NewValue == "Social security inspection");
        Assert.NotEqual("", created.ActorSubject);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.GetCourseHistoryAsync(new GetCourseHistoryRequest { CourseId = Guid.NewGuid().ToString() }).ResponseAsync);
    }
}
