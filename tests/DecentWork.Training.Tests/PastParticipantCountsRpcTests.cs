using System.Net;
using System.Text;
using System.Text.Json;
using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Training.Tests;

/// <summary>Its own service instance, so the reports over its years are exact.</summary>
public class PastParticipantCountsRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private const int OneMebibyte = 1024 * 1024;
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private async Task<Edition> HeldInAsync(Course course, int year, int capacity)
    {
        var edition = await _client.OpenEditionAsync(course, year, capacity, days: 5);
        await _client.SetAsync(edition, EditionStatus.Closed);
        return await _client.SetAsync(edition, EditionStatus.Held);
    }

    private static PastParticipantCount Count(int count, ConstituentGroup group, Sex sex = Sex.Male, string country = "ZMB") =>
        new() { Sex = sex, CountryCode = country, ConstituentGroup = group, Status = EnrolmentStatus.Attended, Count = count };

    [Fact]
    public async Task RecordPastParticipants_ByCount_CountInTheReportsAndTheProgrammeTally()
    {
        var programme = await fixture.KnownProgrammeAsync("ZMB");
        var course = await _client.PublishAsync();
        await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = course.Id, ProgrammeId = programme.ToString() });
        await _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = course.Id, EditionId = (await HeldInAsync(course, 2046, 5000)).Id,
            ParticipantCounts = { Count(2000, ConstituentGroup.Government), Count(500, ConstituentGroup.Employers) },
        });

        var edition = await _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = course.Id, EditionId = (await HeldInAsync(course, 2047, 5000)).Id,
            ParticipantCounts = { Count(3000, ConstituentGroup.Government, Sex.Female), Count(400, ConstituentGroup.Workers), Count(300, ConstituentGroup.Employers, country: "MWI") },
            Participants = { new PastParticipant { ParticipantName = "Named", Sex = Sex.Female, CountryCode = "ZMB", ConstituentGroup = ConstituentGroup.Staff, Organisation = "ILO", Status = EnrolmentStatus.Certified } },
        });

        Assert.Equal([3000, 400, 300], edition.ParticipantCounts.Select(c => c.Count));
        Assert.Equal((ConstituentGroup.Employers, "MWI", EnrolmentStatus.Attended), (edition.ParticipantCounts[2].ConstituentGroup, edition.ParticipantCounts[2].CountryCode, edition.ParticipantCounts[2].Status));
        Assert.Single(edition.Enrolments);
        var report = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = 2046, ToYear = 2047 });
        Assert.Equal([2500, 3701], report.Years.Select(y => y.Participants));
        var y2047 = report.Years[1];
        Assert.Equal((3001, 18.9, 40.0, 100.0, 18505), (y2047.Female, y2047.EmployersAndWorkersPercent, y2047.EmployersAndWorkersGrowthPercent, y2047.LinkedToOutcomesPercent, y2047.ParticipantDays));
        Assert.Equal([(ConstituentGroup.Government, 3000), (ConstituentGroup.Employers, 300), (ConstituentGroup.Workers, 400), (ConstituentGroup.Staff, 1)],
            y2047.ByConstituentGroup.Select(g => (g.ConstituentGroup, g.Participants)));
        var tallies = fixture.Service.Services.GetRequiredService<IAggregateStore<Domain.ProgrammeTraining>>();
        var tally = await Eventually.Until(() => tallies.FindAsync(programme), t => t?.ParticipantsTrained == 5901, what: "the programme's tally");
        Assert.Equal(29505, tally!.ParticipantDays);
    }

    [Fact]
    public async Task RecordPastParticipants_TwoThousandNamedOverJson_FitInOneMebibyteAndAreRecorded()
    {
        var course = await _client.PublishAsync();
        var held = await HeldInAsync(course, 2048, 2000);
        var participants = Enumerable.Range(0, 2000).Select(i => new
        {
            participantName = $"Participant number {i:0000}", sex = i % 2 == 0 ? "SEX_FEMALE" : "SEX_MALE", countryCode = "ZMB",
            constituentGroup = "CONSTITUENT_GROUP_GOVERNMENT", organisation = "Ministry of Labour and Social Security", status = "ENROLMENT_STATUS_CERTIFIED",
        });
        var json = JsonSerializer.Serialize(new { participants });
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, OneMebibyte);
        var http = fixture.Service.JsonClient();

        var response = await http.PostAsync($"/v1/courses/{course.Id}/editions/{held.Id}/enrolments:recordPast", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var edition = await _client.GetEditionAsync(new GetEditionRequest { CourseId = course.Id, EditionId = held.Id });
        Assert.Equal(2000, edition.Enrolments.Count(e => e.Status == EnrolmentStatus.Certified));
        var report = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = 2048, ToYear = 2048 });
        Assert.Equal((2000, 1000), (report.Years[0].Participants, report.Years[0].Female));
    }

    [Fact]
    public async Task RecordPastParticipants_WhenCountsAreInvalid_NamesEachEntrysField()
    {
        var edition = await HeldInAsync(await _client.PublishAsync(), 2049, 10);
        var bad = new PastParticipantCount { Sex = Sex.Unspecified, CountryCode = "XXX", ConstituentGroup = ConstituentGroup.Unspecified, Status = EnrolmentStatus.Applied, Count = 0 };

        await RpcAssert.InvalidFields(() => _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = edition.CourseId, EditionId = edition.Id, ParticipantCounts = { Count(1, ConstituentGroup.Workers), bad },
        }).ResponseAsync,
            "participant_counts[1].sex", "participant_counts[1].country_code", "participant_counts[1].constituent_group", "participant_counts[1].status", "participant_counts[1].count");
        await RpcAssert.InvalidFields(() => _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = edition.CourseId, EditionId = edition.Id, ParticipantCounts = { Enumerable.Repeat(Count(1, ConstituentGroup.Workers), 2001) },
        }).ResponseAsync, "participant_counts");
    }

    [Fact]
    public async Task RecordPastParticipants_WhenCountsExceedThePlacesOrTheEditionIsNotHeld_FailsPrecondition()
    {
        var course = await _client.PublishAsync();
        var held = await HeldInAsync(course, 2050, 10);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = course.Id, EditionId = held.Id, ParticipantCounts = { Count(6, ConstituentGroup.Workers), Count(5, ConstituentGroup.Government) },
        }).ResponseAsync);
        Assert.Contains("10 places left; 11 participants do not fit", error.Status.Detail);
        Assert.Empty((await _client.GetEditionAsync(new GetEditionRequest { CourseId = course.Id, EditionId = held.Id })).ParticipantCounts);

        var open = await _client.OpenEditionAsync(course, 2051);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = course.Id, EditionId = open.Id, ParticipantCounts = { Count(1, ConstituentGroup.Workers) },
        }).ResponseAsync);
    }
}
