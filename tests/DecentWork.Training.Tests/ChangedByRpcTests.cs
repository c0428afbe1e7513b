using System.Collections.Concurrent;
using DecentWork.Contracts.Events.Training;
using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;

namespace DecentWork.Training.Tests;

/// <summary>The events a caller's write raises name that caller, from the token and nothing else.</summary>
public class ChangedByRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private static readonly TestCaller Registrar = new("Turin Centre deputy registrar", [Roles.TrainingCentre]);
    // x-user names someone else: the author must still come from the token alone.
    private static readonly Metadata Impersonation = new() { { "x-user", "someone-else" } };

    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);
    private readonly TrainingService.TrainingServiceClient _registrar = new(fixture.Service.ChannelFor(Registrar));

    /// <summary>Collects every <typeparamref name="T"/> published while <paramref name="act"/> runs, until one matches.</summary>
    private async Task<T> PublishedAsync<T>(Func<Task> act, Func<T, bool> match) where T : class
    {
        var heard = new ConcurrentQueue<T>();
        var handle = fixture.Bus.ConnectReceiveEndpoint($"test-changed-by-{typeof(T).Name}-{Guid.NewGuid():N}", e =>
            e.Handler<T>(context => { heard.Enqueue(context.Message); return Task.CompletedTask; }));
        await handle.Ready;
        try
        {
            await act();
            var found = await Eventually.Until(() => Task.FromResult(heard.FirstOrDefault(match)), m => m is not null, what: typeof(T).Name);
            return found!;
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    // money2: the platform's search indexes the catalogue from this event.
    [Fact]
    public async Task PublishCourse_WhenSaved_AnnouncesTheCoursesWordsForTheSearch()
    {
        Course? course = null;
        var published = await PublishedAsync<CoursePublished>(
            async () => course = await _client.PublishCourseAsync(new PublishCourseRequest
            {
                Code = TrainingFixture.NewCode("sr"), Title = "Labour inspection", Description = "Modern methods",
            }),
            e => course is not null && e.CourseId.ToString() == course.Id);

        Assert.Equal((course!.Code, "Labour inspection", "Modern methods", false, 1), (published.Code, published.Title, published.Description, published.Withdrawn, published.Revision));
    }

    [Fact]
    public async Task LinkCourseToProgramme_WhenCalled_NamesTheCallerInTheEvent()
    {
        var programme = await fixture.KnownProgrammeAsync("GHA");
        var course = await _client.PublishAsync();

        var linked = await PublishedAsync<CourseLinkedToProgramme>(
            () => _registrar.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = course.Id, ProgrammeId = programme.ToString() }, Impersonation).ResponseAsync,
            e => e.CourseId.ToString() == course.Id);

        Assert.Equal(await fixture.Service.DisplayOfAsync(Registrar), linked.ChangedBy);
    }

    [Fact]
    public async Task LinkEditionToOutcome_WhenCalled_NamesTheCallerInTheEvent()
    {
        var outcome = TrainingFixture.Outcome("1.2");
        var programme = await fixture.ApprovedProgrammeAsync("GHA", outcome);
        var course = await _client.PublishAsync();
        var edition = await _client.ScheduleEditionAsync(TrainingCalls.Plan(course));

        var linked = await PublishedAsync<EditionLinkedToOutcome>(
            () => _registrar.LinkEditionToOutcomeAsync(new LinkEditionToOutcomeRequest
            {
                CourseId = course.Id, EditionId = edition.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(),
            }, Impersonation).ResponseAsync,
            e => e.EditionId.ToString() == edition.Id);

        Assert.Equal(await fixture.Service.DisplayOfAsync(Registrar), linked.ChangedBy);
    }

    [Fact]
    public async Task SetEnrolmentStatus_WhenAttendanceIsRecorded_NamesTheCallerInTheEvent()
    {
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course);
        edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition));
        var enrolment = edition.Enrolments[0].Id;
        await _client.SetAsync(edition, enrolment, EnrolmentStatus.Accepted);
        await _client.SetAsync(edition, EditionStatus.Closed);
        await _client.SetAsync(edition, EditionStatus.Held);

        var trained = await PublishedAsync<EditionParticipantsTrained>(
            () => _registrar.SetEnrolmentStatusAsync(new SetEnrolmentStatusRequest
            {
                CourseId = edition.CourseId, EditionId = edition.Id, EnrolmentId = enrolment, Status = EnrolmentStatus.Attended,
            }, Impersonation).ResponseAsync,
            e => e.EditionId.ToString() == edition.Id);

        Assert.Equal(await fixture.Service.DisplayOfAsync(Registrar), trained.ChangedBy);
    }

    [Fact]
    public async Task RecordPastParticipants_WhenCalled_NamesTheCallerInTheEvent()
    {
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course, year: 2030, capacity: 5);
        await _client.SetAsync(edition, EditionStatus.Closed);
        await _client.SetAsync(edition, EditionStatus.Held);

        var trained = await PublishedAsync<EditionParticipantsTrained>(
            () => _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
            {
                CourseId = edition.CourseId, EditionId = edition.Id,
                ParticipantCounts = { new PastParticipantCount { Sex = Sex.Female, CountryCode = "GHA", ConstituentGroup = ConstituentGroup.Workers, Status = EnrolmentStatus.Attended, Count = 3 } },
            }, Impersonation).ResponseAsync,
            e => e.EditionId.ToString() == edition.Id);

        Assert.Equal(await fixture.Service.DisplayOfAsync(fixture.Service.DefaultCaller), trained.ChangedBy);
    }
}
