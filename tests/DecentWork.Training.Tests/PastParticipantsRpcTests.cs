using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Training.Tests;

/// <summary>Its own service instance, so the report over past years is exact.</summary>
public class PastParticipantsRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    /// <summary>A held edition in the past: scheduled, then walked through its lifecycle without applications.</summary>
    private async Task<Edition> HeldInAsync(Course course, int year, int capacity = 10)
    {
        var edition = await _client.OpenEditionAsync(course, year, capacity);
        await _client.SetAsync(edition, EditionStatus.Closed);
        return await _client.SetAsync(edition, EditionStatus.Held);
    }

    private static PastParticipant Past(string name, ConstituentGroup group, EnrolmentStatus status = EnrolmentStatus.Attended, string country = "ZMB") => new()
    {
        ParticipantName = name, Sex = Sex.Male, CountryCode = country, ConstituentGroup = group, Organisation = "Org", Status = status,
    };

    private Task<Edition> RecordAsync(Edition edition, params PastParticipant[] participants) =>
        _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = edition.CourseId, EditionId = edition.Id, Participants = { participants },
        }).ResponseAsync;

    [Fact]
    public async Task RecordPastParticipants_InPastYears_CountInTheReportAndTheProgrammeTally()
    {
        var programme = await fixture.KnownProgrammeAsync("ZMB");
        var course = await _client.PublishAsync("TC Manual");
        await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = course.Id, ProgrammeId = programme.ToString() });
        await RecordAsync(await HeldInAsync(course, 2006), Past("A", ConstituentGroup.Employers), Past("B", ConstituentGroup.Government));
        var recorded = await RecordAsync(await HeldInAsync(course, 2007),
            Past("C", ConstituentGroup.Employers, EnrolmentStatus.Certified), Past("D", ConstituentGroup.Workers), Past("E", ConstituentGroup.Government, country: "MWI"));

        Assert.Equal([EnrolmentStatus.Certified, EnrolmentStatus.Attended, EnrolmentStatus.Attended], recorded.Enrolments.Select(e => e.Status));
        var report = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = 2006, ToYear = 2007 });
        Assert.Equal([2, 3], report.Years.Select(y => y.Participants));
        Assert.Equal((66.7, 100.0), (report.Years[1].EmployersAndWorkersPercent, report.Years[1].EmployersAndWorkersGrowthPercent));
        var tallies = fixture.Service.Services.GetService(typeof(DecentWork.ServiceDefaults.Storage.IAggregateStore<Domain.ProgrammeTraining>))
            as DecentWork.ServiceDefaults.Storage.IAggregateStore<Domain.ProgrammeTraining>;
        // The recount follows from the edition's event, a moment after the call.
        var tally = await Eventually.Until(() => tallies!.FindAsync(programme), t => t?.ParticipantsTrained == 4, what: "the programme's tally");
        Assert.Equal((4, 20), (tally!.ParticipantsTrained, tally.ParticipantDays));
    }

    [Fact]
    public async Task RecordPastParticipants_WhenNotHeldOrFullOrDuplicate_Fails()
    {
        var course = await _client.PublishAsync();
        var open = await _client.OpenEditionAsync(course, 2030);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => RecordAsync(open, Past("A", ConstituentGroup.Workers)));
        var held = await HeldInAsync(course, 2005, capacity: 1);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => RecordAsync(held, Past("A", ConstituentGroup.Workers), Past("B", ConstituentGroup.Workers)));
        await RecordAsync(held, Past("A", ConstituentGroup.Workers));
        var bigger = await HeldInAsync(course, 2004);
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => RecordAsync(bigger, Past("A", ConstituentGroup.Workers), Past(" a", ConstituentGroup.Workers)));
    }

    [Fact]
    public async Task RecordPastParticipants_WhenFieldsAreInvalid_NamesEachParticipantsField()
    {
        await RpcAssert.InvalidFields(() => _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest { CourseId = "x", EditionId = "y", ExpectedVersion = -1 }).ResponseAsync,
            "course_id", "edition_id", "participants", "expected_version");
        var edition = await HeldInAsync(await _client.PublishAsync(), 2003);
        var bad = Past("", ConstituentGroup.Unspecified, EnrolmentStatus.Accepted, country: "ZZZ");
        bad.Sex = Sex.Unspecified;
        bad.Email = "nope";
        await RpcAssert.InvalidFields(() => RecordAsync(edition, Past("Fine", ConstituentGroup.Workers), bad),
            "participants[1].participant_name", "participants[1].sex", "participants[1].country_code", "participants[1].constituent_group",
            "participants[1].email", "participants[1].status");
    }
}
