using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;

namespace DecentWork.Training.Tests;

/// <summary>Its own service instance; only this class schedules editions in it, so the counts are exact.</summary>
public class ParticipantReportRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    /// <summary>A held edition (years in the future, so applications are still before the deadline) with these groups attended.</summary>
    private async Task HeldEditionAsync(Course course, int year, int days, params ConstituentGroup[] attended)
    {
        var edition = await _client.OpenEditionAsync(course, year, capacity: 10, days: days);
        for (var i = 0; i < attended.Length; i++)
            edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, $"P{i}", attended[i]));
        edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, "Applied only"));
        foreach (var enrolment in edition.Enrolments.Take(attended.Length))
            await _client.SetAsync(edition, enrolment.Id, EnrolmentStatus.Accepted);
        await _client.SetAsync(edition, EditionStatus.Closed);
        await _client.SetAsync(edition, EditionStatus.Held);
        foreach (var enrolment in edition.Enrolments.Take(attended.Length))
            await _client.SetAsync(edition, enrolment.Id, EnrolmentStatus.Attended);
    }

    [Fact]
    public async Task GetParticipantReport_CountsYearsGroupsSharesGrowthAndOneCourse()
    {
        var programme = await fixture.KnownProgrammeAsync();
        var linked = await _client.PublishAsync("TC Manual");
        linked = await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = linked.Id, ProgrammeId = programme.ToString() });
        var other = await _client.PublishAsync("Other");
        await HeldEditionAsync(linked, 2040, 5, ConstituentGroup.Employers, ConstituentGroup.Government);
        await HeldEditionAsync(linked, 2041, 5, ConstituentGroup.Employers, ConstituentGroup.Workers, ConstituentGroup.Staff);
        await HeldEditionAsync(other, 2041, 3, ConstituentGroup.Government);

        var report = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = 2040, ToYear = 2042 });

        Assert.Equal(2040, report.BaseYear);
        Assert.Equal([2, 4, 0], report.Years.Select(y => y.Participants));
        var y2041 = report.Years[1];
        Assert.Equal((50.0, 100.0, 75.0, 18), (y2041.EmployersAndWorkersPercent, y2041.EmployersAndWorkersGrowthPercent, y2041.LinkedToOutcomesPercent, y2041.ParticipantDays));
        Assert.Equal(83.3, y2041.LinkedToOutcomesDaysPercent);
        // In the enum's order, government first.
        Assert.Equal([(ConstituentGroup.Government, 1), (ConstituentGroup.Employers, 1), (ConstituentGroup.Workers, 1), (ConstituentGroup.Staff, 1)],
            y2041.ByConstituentGroup.Select(g => (g.ConstituentGroup, g.Participants)));

        var oneCourse = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = 2040, ToYear = 2041, BaseYear = 2041, CourseId = other.Id });
        Assert.Equal([0, 1], oneCourse.Years.Select(y => y.Participants));
        Assert.Equal(0.0, oneCourse.Years[1].LinkedToOutcomesPercent);
    }

    [Fact]
    public async Task GetParticipantReport_WhenPeriodOrCourseIsInvalid_ListsEveryField()
    {
        await RpcAssert.InvalidFields(() => _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = 2007, ToYear = 2006, BaseYear = 1990, CourseId = "x" }).ResponseAsync,
            "to_year", "base_year", "course_id");
        await RpcAssert.InvalidFields(() => _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = 0, ToYear = 2100 }).ResponseAsync,
            "from_year", "to_year");
    }

    [Fact]
    public async Task JsonRoute_ParticipantReport_IsUnderTheCoursesPrefix()
    {
        var http = fixture.Service.JsonClient();
        var response = await http.GetAsync("/v1/courses/reports/participants?fromYear=2050&toYear=2051");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("years").GetArrayLength());
        Assert.Equal(2050, body.GetProperty("baseYear").GetInt32());

        var bad = await http.GetAsync("/v1/courses/reports/participants?fromYear=2050&toYear=2040");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
