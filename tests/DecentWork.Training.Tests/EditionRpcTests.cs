using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Training.Tests;

public class EditionRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task ScheduleEdition_WhenValid_IsPlannedAndCanBeFetched()
    {
        var course = await _client.PublishAsync();
        var plan = TrainingCalls.Plan(course);
        plan.Fee = new Google.Type.Money { CurrencyCode = "eur", Units = 1200, Nanos = 500_000_000 };
        var edition = await _client.ScheduleEditionAsync(plan);

        Assert.Equal((course.Id, EditionStatus.Planned, 2, 1L), (edition.CourseId, edition.Status, edition.Capacity, edition.Version));
        Assert.Equal(("EUR", 1200L, 500_000_000), (edition.Fee.CurrencyCode, edition.Fee.Units, edition.Fee.Nanos));
        Assert.Equal(edition, await _client.GetEditionAsync(new GetEditionRequest { CourseId = course.Id, EditionId = edition.Id }));
    }

    [Fact]
    public async Task ScheduleEdition_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.ScheduleEditionAsync(new ScheduleEditionRequest
        {
            CourseId = "x", StartDate = TrainingCalls.Day(2031, 2, 30), Venue = " ", Capacity = 0,
            Fee = new Google.Type.Money { CurrencyCode = "EUR", Units = -1 },
        }).ResponseAsync, "course_id", "start_date", "end_date", "application_deadline", "venue", "delivery_mode", "capacity", "fee");

    [Fact]
    public async Task ScheduleEdition_WhenEndBeforeStartAndDeadlineAfterStart_NamesBoth()
    {
        var course = await _client.PublishAsync();
        var plan = TrainingCalls.Plan(course);
        plan.EndDate = TrainingCalls.Day(2031, 6, 1);
        plan.ApplicationDeadline = TrainingCalls.Day(2031, 6, 3);
        await RpcAssert.InvalidFields(() => _client.ScheduleEditionAsync(plan).ResponseAsync, "end_date", "application_deadline");
    }

    [Fact]
    public async Task ScheduleEdition_WhenCourseIsUnknown_IsNotFound()
    {
        var plan = TrainingCalls.Plan(new Course { Id = Guid.NewGuid().ToString() });
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.ScheduleEditionAsync(plan).ResponseAsync);
    }

    [Fact]
    public async Task GetEdition_WhenAskedUnderAnotherCourse_IsNotFound()
    {
        var course = await _client.PublishAsync();
        var other = await _client.PublishAsync();
        var edition = await _client.ScheduleEditionAsync(TrainingCalls.Plan(course));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetEditionAsync(new GetEditionRequest { CourseId = other.Id, EditionId = edition.Id }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetEditionAsync(new GetEditionRequest { CourseId = "", EditionId = "1" }).ResponseAsync, "course_id", "edition_id");
    }

    [Fact]
    public async Task ListEditions_OrdersByStartDateAndPages()
    {
        var course = await _client.PublishAsync();
        foreach (var year in new[] { 2033, 2031, 2032 })
            await _client.ScheduleEditionAsync(TrainingCalls.Plan(course, year));
        await _client.ScheduleEditionAsync(TrainingCalls.Plan(await _client.PublishAsync(), 2030));

        var first = await _client.ListEditionsAsync(new ListEditionsRequest { CourseId = course.Id, PageSize = 2 });
        var second = await _client.ListEditionsAsync(new ListEditionsRequest { CourseId = course.Id, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(3, first.TotalSize);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal([2031, 2032, 2033], first.Editions.Concat(second.Editions).Select(e => e.StartDate.Year));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.ListEditionsAsync(new ListEditionsRequest { CourseId = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.ListEditionsAsync(new ListEditionsRequest { CourseId = "x", PageSize = -1 }).ResponseAsync, "course_id", "page_size");
    }

    [Fact]
    public async Task SetEditionStatus_FollowsTheLifecycleAndRefusesSkips()
    {
        var course = await _client.PublishAsync();
        var edition = await _client.ScheduleEditionAsync(TrainingCalls.Plan(course));

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.SetAsync(edition, EditionStatus.Held));
        Assert.Contains("from EDITION_STATUS_PLANNED to EDITION_STATUS_HELD", error.Status.Detail);
        var open = await _client.SetAsync(edition, EditionStatus.Open);
        var again = await _client.SetAsync(edition, EditionStatus.Open);

        Assert.Equal((EditionStatus.Open, 2L), (open.Status, open.Version));
        Assert.Equal(2, again.Version);
    }

    [Fact]
    public async Task SetEditionStatus_WhenHeldBeforeTheEditionTookPlace_IsFailedPreconditionUntilItsDaysHaveCome()
    {
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course, year: TrainingFixture.Today.Year); // 2101-06-02 to 06-06, after "today"
        var closed = await _client.SetAsync(edition, EditionStatus.Closed);

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.SetAsync(closed, EditionStatus.Held));
        Assert.Contains($"ends on {TrainingFixture.Today.Year}-06-06", error.Status.Detail);
        Assert.Equal(closed, await _client.GetEditionAsync(new GetEditionRequest { CourseId = course.Id, EditionId = edition.Id }));

        // Forward only, past this edition: every other test of the class holds earlier editions.
        fixture.Calendar.SetUtcNow(new DateTimeOffset(TrainingFixture.Today.Year, 6, 6, 17, 0, 0, TimeSpan.Zero));
        var held = await _client.SetAsync(closed, EditionStatus.Held);
        Assert.Equal(EditionStatus.Held, held.Status);
    }

    [Fact]
    public async Task SetEditionStatus_WhenExpectedVersionIsStale_IsAborted()
    {
        var course = await _client.PublishAsync();
        var edition = await _client.OpenEditionAsync(course);

        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.SetEditionStatusAsync(new SetEditionStatusRequest
        {
            CourseId = course.Id, EditionId = edition.Id, Status = EditionStatus.Closed, ExpectedVersion = 1,
        }).ResponseAsync);
        Assert.Equal(EditionStatus.Open, (await _client.GetEditionAsync(new GetEditionRequest { CourseId = course.Id, EditionId = edition.Id })).Status);
    }

    [Fact]
    public async Task SetEditionStatus_WhenFieldsAreInvalid_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.SetEditionStatusAsync(new SetEditionStatusRequest
        {
            CourseId = "x", EditionId = "", Status = EditionStatus.Unspecified, ExpectedVersion = -1,
        }).ResponseAsync, "course_id", "edition_id", "status", "expected_version");
}
