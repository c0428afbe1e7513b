using DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Tests;

/// <summary>
/// The participant, linked-training and course reports read year buckets plus the buckets of the
/// linked courses only, while a course's links change without any of its editions being saved.
/// Made-up editions (a fixed seed) in a service instance of its own; every figure is checked
/// against a direct count of what the test recorded.
/// </summary>
public class LinkedReportsBucketsRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private const int FromYear = 2080, ToYear = 2082;
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    /// <summary>One held edition as the test recorded it.</summary>
    private sealed record Held(string Course, int Year, int Days, int Count, bool EditionLinked);

    [Fact]
    public async Task Reports_WhenCourseLinksChangeAfterTheirEditions_MatchADirectCount()
    {
        var outcome = TrainingFixture.Outcome("ZMB 21");
        var programme = await fixture.ApprovedProgrammeAsync("ZMB", outcome);
        var courses = new Dictionary<string, Course>();
        foreach (var name in new[] { "whole", "outcome-later", "plain", "unlinked-later" }) courses[name] = await _client.PublishAsync($"Course {name}");
        await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = courses["whole"].Id, ProgrammeId = programme.ToString() });
        await _client.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest
        {
            CourseId = courses["unlinked-later"].Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(),
        });

        var random = new Random(21);
        var held = new List<Held>();
        foreach (var (name, course) in courses)
            for (var year = FromYear; year <= ToYear; year++)
                for (var e = 0; e < 2; e++)
                {
                    var record = new Held(name, year, random.Next(1, 6), random.Next(1, 40), EditionLinked: name == "plain" && e == 1);
                    var edition = await _client.OpenEditionAsync(course, year, capacity: 100, days: record.Days);
                    await _client.SetAsync(edition, EditionStatus.Closed);
                    await _client.SetAsync(edition, EditionStatus.Held);
                    await _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
                    {
                        CourseId = course.Id, EditionId = edition.Id,
                        ParticipantCounts = { new PastParticipantCount { Sex = Sex.Male, CountryCode = "ZMB", ConstituentGroup = ConstituentGroup.Workers, Status = EnrolmentStatus.Attended, Count = record.Count } },
                    });
                    if (record.EditionLinked)
                        await _client.LinkEditionToOutcomeAsync(new LinkEditionToOutcomeRequest
                        {
                            CourseId = course.Id, EditionId = edition.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(),
                        });
                    held.Add(record);
                }
        // Course links that change after the editions: no edition is saved by them.
        await _client.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest
        {
            CourseId = courses["outcome-later"].Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(),
        });
        await _client.UnlinkCourseFromOutcomeAsync(new UnlinkCourseFromOutcomeRequest
        {
            CourseId = courses["unlinked-later"].Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(), Reason = "Linked by mistake",
        });

        bool ToOutcome(Held h) => h.EditionLinked || h.Course == "outcome-later";
        bool ToProgramme(Held h) => ToOutcome(h) || h.Course == "whole";
        var linked = await _client.GetLinkedTrainingReportAsync(new GetLinkedTrainingReportRequest { FromYear = FromYear, ToYear = ToYear });
        var participants = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = FromYear, ToYear = ToYear });
        for (var year = FromYear; year <= ToYear; year++)
        {
            var ofYear = held.Where(h => h.Year == year).ToList();
            var expected = (ofYear.Sum(h => h.Count), ofYear.Sum(h => h.Count * h.Days),
                ofYear.Where(ToOutcome).Sum(h => h.Count), ofYear.Where(ToOutcome).Sum(h => h.Count * h.Days),
                ofYear.Where(ToProgramme).Sum(h => h.Count), ofYear.Where(ToProgramme).Sum(h => h.Count * h.Days));
            var row = linked.Years.Single(y => y.Year == year);
            Assert.Equal(expected, (row.Participants, row.ParticipantDays, row.OutcomeLinkedParticipants, row.OutcomeLinkedParticipantDays,
                row.ProgrammeLinkedParticipants, row.ProgrammeLinkedParticipantDays));
            var participantRow = participants.Years.Single(y => y.Year == year);
            Assert.Equal((expected.Item1, Percent(expected.Item5, expected.Item1), Percent(expected.Item6, expected.Item2)),
                (participantRow.Participants, participantRow.LinkedToOutcomesPercent, participantRow.LinkedToOutcomesDaysPercent));
        }

        // One course: the course report and the participant report for that course read its own buckets.
        var laterLinked = courses["outcome-later"];
        var ofCourse = held.Where(h => h.Course == "outcome-later").ToList();
        var courseReport = await _client.GetCourseParticipantReportAsync(new GetCourseParticipantReportRequest { CourseId = laterLinked.Id, FromYear = FromYear, ToYear = ToYear });
        Assert.Equal((ofCourse.Sum(h => h.Count), ofCourse.Sum(h => h.Count * h.Days), ofCourse.Count),
            (courseReport.Total.Participants, courseReport.Total.ParticipantDays, courseReport.Total.EditionsHeld));
        var forCourse = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = FromYear, ToYear = ToYear, CourseId = laterLinked.Id });
        Assert.Equal(ofCourse.GroupBy(h => h.Year).Select(g => (g.Key, g.Sum(h => h.Count), 100.0)),
            forCourse.Years.Select(y => (y.Year, y.Participants, y.LinkedToOutcomesPercent)));
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
