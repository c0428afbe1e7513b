using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Training.Tests;

public class EnrolmentRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private async Task<Edition> OpenAsync(int capacity = 2) => await _client.OpenEditionAsync(await _client.PublishAsync(), capacity: capacity);

    [Fact]
    public async Task ApplyForEdition_WhenOpen_AddsAnApplication()
    {
        var edition = await OpenAsync();
        var application = TrainingCalls.Application(edition);
        application.Email = "jane@zfe.org";
        application.CountryCode = "zmb";

        var applied = await _client.ApplyForEditionAsync(application);

        var enrolment = Assert.Single(applied.Enrolments);
        Assert.Equal(("Jane Banda", "ZMB", EnrolmentStatus.Applied, ConstituentGroup.Employers, "jane@zfe.org"),
            (enrolment.ParticipantName, enrolment.CountryCode, enrolment.Status, enrolment.ConstituentGroup, enrolment.Email));
        Assert.Equal(3, applied.Version);
    }

    [Fact]
    public async Task GetAndListEditions_AsACountryOffice_ShowOnlyItsCountriesEnrolments()
    {
        var edition = await OpenAsync(capacity: 5);
        var zambian = TrainingCalls.Application(edition);
        zambian.CountryCode = "ZMB";
        var kenyan = TrainingCalls.Application(edition, name: "Amina Otieno");
        kenyan.CountryCode = "KEN";
        await _client.ApplyForEditionAsync(zambian);
        await _client.ApplyForEditionAsync(kenyan);
        var office = new TrainingService.TrainingServiceClient(fixture.Service.ChannelFor(TestCaller.CountryOffice("ZMB")));
        var get = new GetEditionRequest { CourseId = edition.CourseId, EditionId = edition.Id };

        var seen = await office.GetEditionAsync(get);
        var listed = await office.ListEditionsAsync(new ListEditionsRequest { CourseId = edition.CourseId });

        Assert.Equal(["ZMB"], seen.Enrolments.Select(e => e.CountryCode));
        Assert.Equal(["ZMB"], listed.Editions.Single(e => e.Id == edition.Id).Enrolments.Select(e => e.CountryCode));
        Assert.Equal(["ZMB", "KEN"], (await _client.GetEditionAsync(get)).Enrolments.Select(e => e.CountryCode));
    }

    [Fact]
    public async Task ApplyForEdition_WhenTheSamePersonAppliesAgain_AlreadyExists()
    {
        var edition = await OpenAsync();
        await _client.ApplyForEditionAsync(TrainingCalls.Application(edition));

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => _client.ApplyForEditionAsync(TrainingCalls.Application(edition, name: " jane  BANDA ")).ResponseAsync);
        Assert.Contains("already applied", error.Status.Detail);
    }

    [Fact]
    public async Task ApplyForEdition_WhenTheDeadlinePassedOrNotOpen_FailsPrecondition()
    {
        var course = await _client.PublishAsync();
        var past = await _client.OpenEditionAsync(course, year: 2020);
        var planned = await _client.ScheduleEditionAsync(TrainingCalls.Plan(course));

        var late = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApplyForEditionAsync(TrainingCalls.Application(past)).ResponseAsync);
        Assert.Contains("closed on 2020-05-15", late.Status.Detail);
        var early = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.ApplyForEditionAsync(TrainingCalls.Application(planned)).ResponseAsync);
        Assert.Contains("only while open", early.Status.Detail);
    }

    [Fact]
    public async Task ApplyForEdition_WhenEveryFieldIsWrong_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.ApplyForEditionAsync(new ApplyForEditionRequest
        {
            CourseId = "x", EditionId = "y", ParticipantName = " ", CountryCode = "XXX", Organisation = "", Email = "not an address",
            Sex = Sex.Unspecified, ConstituentGroup = (ConstituentGroup)99,
        }).ResponseAsync, "course_id", "edition_id", "participant_name", "sex", "country_code", "constituent_group", "organisation", "email");

    [Fact]
    public async Task ApplyForEdition_WhenEditionIsUnknown_IsNotFound()
    {
        var edition = await OpenAsync();
        var application = TrainingCalls.Application(edition);
        application.EditionId = Guid.NewGuid().ToString();
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.ApplyForEditionAsync(application).ResponseAsync);
    }

    [Fact]
    public async Task SetEnrolmentStatus_WhenFull_WaitlistsThenPromotesOnWithdrawalThenCertifies()
    {
        var edition = await OpenAsync(capacity: 1);
        await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, "A"));
        var applied = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, "B"));
        var (a, b) = (applied.Enrolments[0].Id, applied.Enrolments[1].Id);

        await _client.SetAsync(edition, a, EnrolmentStatus.Accepted);
        var full = await _client.SetAsync(edition, b, EnrolmentStatus.Accepted);
        Assert.Equal([EnrolmentStatus.Accepted, EnrolmentStatus.Waitlisted], full.Enrolments.Select(e => e.Status));

        var promoted = await _client.SetAsync(edition, a, EnrolmentStatus.Withdrawn, expectedVersion: full.Version);
        Assert.Equal([EnrolmentStatus.Withdrawn, EnrolmentStatus.Accepted], promoted.Enrolments.Select(e => e.Status));

        await _client.SetAsync(edition, EditionStatus.Closed);
        await _client.SetAsync(edition, EditionStatus.Held);
        await _client.SetAsync(edition, b, EnrolmentStatus.Attended);
        var certified = await _client.SetAsync(edition, b, EnrolmentStatus.Certified);
        Assert.Equal(EnrolmentStatus.Certified, certified.Enrolments[1].Status);
    }

    [Fact]
    public async Task SetEnrolmentStatus_WhenOutOfOrderStaleUnknownOrInvalid_Fails()
    {
        var edition = await OpenAsync();
        var applied = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition));
        var id = applied.Enrolments[0].Id;

        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.SetAsync(edition, id, EnrolmentStatus.Attended));
        Assert.Contains("once it has been held", error.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _client.SetAsync(edition, id, EnrolmentStatus.Accepted, expectedVersion: 1));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.SetAsync(edition, Guid.NewGuid().ToString(), EnrolmentStatus.Accepted));
        await RpcAssert.InvalidFields(() => _client.SetEnrolmentStatusAsync(new SetEnrolmentStatusRequest
        {
            CourseId = edition.CourseId, EditionId = "", EnrolmentId = "z", Status = EnrolmentStatus.Waitlisted, ExpectedVersion = -2,
        }).ResponseAsync, "edition_id", "enrolment_id", "status", "expected_version");
    }

    [Fact]
    public async Task SetEnrolmentStatus_WhenManyAcceptancesRace_NeverExceedsCapacity()
    {
        const int capacity = 3;
        var edition = await OpenAsync(capacity);
        for (var i = 0; i < 8; i++) edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, $"Person {i}"));

        // Each acceptance reads, decides and saves; the edition's version makes a lost race retry on fresh state.
        var outcomes = await Task.WhenAll(edition.Enrolments.Select(async e =>
        {
            try { await _client.SetAsync(edition, e.Id, EnrolmentStatus.Accepted); return StatusCode.OK; }
            catch (RpcException ex) { return ex.StatusCode; }
        }));

        Assert.All(outcomes, code => Assert.True(code is StatusCode.OK or StatusCode.Aborted, code.ToString()));
        var stored = await _client.GetEditionAsync(new GetEditionRequest { CourseId = edition.CourseId, EditionId = edition.Id });
        Assert.Equal(capacity, stored.Enrolments.Count(e => e.Status == EnrolmentStatus.Accepted));
        Assert.Equal(outcomes.Count(c => c == StatusCode.OK) - capacity, stored.Enrolments.Count(e => e.Status == EnrolmentStatus.Waitlisted));
    }

    [Fact]
    public async Task ApplyForEdition_WhenTheSamePersonAppliesTwiceAtOnce_RecordsOneApplication()
    {
        var edition = await OpenAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try { await _client.ApplyForEditionAsync(TrainingCalls.Application(edition)); return StatusCode.OK; }
            catch (RpcException ex) { return ex.StatusCode; }
        }));

        // Racing saves conflict on the edition's version and retry on a fresh read, where the rule sees the first application.
        Assert.Equal(1, outcomes.Count(c => c == StatusCode.OK));
        Assert.All(outcomes.Where(c => c != StatusCode.OK), c => Assert.True(c is StatusCode.AlreadyExists or StatusCode.Aborted, c.ToString()));
        var stored = await _client.GetEditionAsync(new GetEditionRequest { CourseId = edition.CourseId, EditionId = edition.Id });
        Assert.Single(stored.Enrolments);
    }
}
