using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;

namespace DecentWork.Training.Tests;

/// <summary>Its own service instance; only this class records participants in it, so the counts are exact.</summary>
public class LinkedReportsRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private HttpClient Http() => fixture.Service.JsonClient();

    /// <summary>A held five-day edition of the year with this many counted participants of the group.</summary>
    private async Task<Edition> HeldWithAsync(Course course, int year, int count, ConstituentGroup group = ConstituentGroup.Government, EnrolmentStatus status = EnrolmentStatus.Attended)
    {
        var edition = await _client.OpenEditionAsync(course, year, capacity: 1000, days: 5);
        await _client.SetAsync(edition, EditionStatus.Closed);
        await _client.SetAsync(edition, EditionStatus.Held);
        return await _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = course.Id, EditionId = edition.Id,
            ParticipantCounts = { new PastParticipantCount { Sex = Sex.Female, CountryCode = "ZMB", ConstituentGroup = group, Status = status, Count = count } },
        });
    }

    [Fact]
    public async Task GetLinkedTrainingReport_CountsOutcomeAndProgrammeLinksByParticipantsAndDays()
    {
        var outcome = TrainingFixture.Outcome("ZMB 9");
        var programme = await fixture.ApprovedProgrammeAsync("ZMB", outcome);
        var outcomeCourse = await _client.PublishAsync("Outcome course");
        await _client.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest { CourseId = outcomeCourse.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString() });
        var programmeCourse = await _client.PublishAsync("Programme course");
        await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = programmeCourse.Id, ProgrammeId = programme.ToString() });
        var plain = await _client.PublishAsync("Plain course");
        await HeldWithAsync(outcomeCourse, 2061, 80);
        await HeldWithAsync(programmeCourse, 2061, 5);
        var editionLinked = await HeldWithAsync(plain, 2061, 5);
        await _client.LinkEditionToOutcomeAsync(new LinkEditionToOutcomeRequest
        {
            CourseId = plain.Id, EditionId = editionLinked.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(),
        });
        await HeldWithAsync(plain, 2061, 10);

        var report = await _client.GetLinkedTrainingReportAsync(new GetLinkedTrainingReportRequest { FromYear = 2060, ToYear = 2061 });

        Assert.Equal([2060, 2061], report.Years.Select(y => y.Year));
        Assert.Equal(0, report.Years[0].Participants);
        var year = report.Years[1];
        Assert.Equal((100, 500, 85, 425, 85.0, 85.0), (year.Participants, year.ParticipantDays, year.OutcomeLinkedParticipants,
            year.OutcomeLinkedParticipantDays, year.OutcomeLinkedPercent, year.OutcomeLinkedDaysPercent));
        Assert.Equal((90, 450, 90.0, 90.0), (year.ProgrammeLinkedParticipants, year.ProgrammeLinkedParticipantDays, year.ProgrammeLinkedPercent, year.ProgrammeLinkedDaysPercent));
        // The participant report counts any DWCP link, the edition's own included.
        var participants = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = 2061, ToYear = 2061 });
        Assert.Equal((100, 90.0), (participants.Years[0].Participants, participants.Years[0].LinkedToOutcomesPercent));
    }

    [Fact]
    public async Task GetLinkedTrainingReport_WhenPeriodIsInvalid_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.GetLinkedTrainingReportAsync(new GetLinkedTrainingReportRequest { FromYear = 10, ToYear = 5 }).ResponseAsync,
            "from_year", "to_year");

    [Fact]
    public async Task GetCourseParticipantReport_CountsOneCourseOverTimeWithTotals()
    {
        var course = await _client.PublishAsync("TC Manual");
        var other = await _client.PublishAsync("Other");
        await HeldWithAsync(course, 2070, 60);
        await HeldWithAsync(course, 2071, 75, ConstituentGroup.Workers, EnrolmentStatus.Certified);
        await HeldWithAsync(course, 2071, 40);
        await HeldWithAsync(other, 2071, 500);
        await _client.OpenEditionAsync(course, 2072);

        var report = await _client.GetCourseParticipantReportAsync(new GetCourseParticipantReportRequest { CourseId = course.Id, FromYear = 2070, ToYear = 2072 });

        Assert.Equal((course.Id, course.Code, "TC Manual"), (report.CourseId, report.CourseCode, report.CourseTitle));
        Assert.Equal([(2070, 1, 60, 0), (2071, 2, 115, 75), (2072, 0, 0, 0)], report.Years.Select(y => (y.Year, y.EditionsHeld, y.Participants, y.Certified)));
        Assert.Equal((0, 3, 175, 75, 175, 75, 875), (report.Total.Year, report.Total.EditionsHeld, report.Total.Participants, report.Total.Certified,
            report.Total.Female, report.Total.EmployersAndWorkers, report.Total.ParticipantDays));
    }

    [Fact]
    public async Task GetCourseParticipantReport_WhenCourseIsUnknownOrFieldsAreInvalid_Fails()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetCourseParticipantReportAsync(
            new GetCourseParticipantReportRequest { CourseId = Guid.NewGuid().ToString(), FromYear = 2006, ToYear = 2007 }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetCourseParticipantReportAsync(
            new GetCourseParticipantReportRequest { CourseId = "tc", FromYear = 2006, ToYear = 2099 }).ResponseAsync, "course_id", "to_year");
    }

    [Fact]
    public async Task JsonRoutes_LinkedTrainingAndCourseReports_AreUnderTheCoursesPrefix()
    {
        var http = Http();
        var course = await _client.PublishAsync();

        var linked = await http.GetAsync("/v1/courses/reports/linked-training?fromYear=2080&toYear=2082");
        Assert.True(linked.StatusCode == HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        Assert.Equal(3, (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("years").GetArrayLength());

        var overTime = await http.GetAsync($"/v1/courses/{course.Id}/reports/participants?fromYear=2080&toYear=2081");
        Assert.True(overTime.StatusCode == HttpStatusCode.OK, await overTime.Content.ReadAsStringAsync());
        var body = await overTime.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((course.Code, 2), (body.GetProperty("courseCode").GetString(), body.GetProperty("years").GetArrayLength()));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/v1/courses/{Guid.NewGuid()}/reports/participants?fromYear=2080&toYear=2081")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/v1/courses/reports/linked-training?fromYear=2080&toYear=2070")).StatusCode);
    }
}
