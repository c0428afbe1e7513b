using System.Collections.Concurrent;
using DecentWork.Contracts.Training.V1;

namespace DecentWork.Training.Tests;

/// <summary>
/// Writers record attendance (each a save of its edition, which moves the report buckets) and
/// publish courses and editions while readers read every participant report and walk the course
/// and edition lists. A report must never count a participant twice or one not yet recorded; a
/// walk must never repeat a record nor miss one stored before it began. Its own service instance.
/// </summary>
public class ConcurrentReadWriteTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private const int Writers = 4, PerEdition = 8, Year = 2060, Days = 3;
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task ReportsAndLists_WhenWritersRecordConcurrently_NeverDoubleCountRepeatOrSkip()
    {
        var course = await _client.PublishAsync("Concurrent course");
        var editions = new List<Edition>();
        for (var w = 0; w < Writers; w++) editions.Add(await HeldEditionWithAcceptedAsync(course));
        // Bounds for the readers: a write that has begun may already be counted before its call returns.
        var begun = 0;
        var published = new ConcurrentBag<string>();
        using var done = new CancellationTokenSource();

        var writers = editions.Select(edition => Task.Run(async () =>
        {
            foreach (var enrolment in edition.Enrolments)
            {
                Interlocked.Increment(ref begun);
                await _client.SetAsync(edition, enrolment.Id, EnrolmentStatus.Attended);
            }
        })).Append(Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                var added = await _client.PublishAsync($"Added {i}");
                published.Add(added.Id);
                await _client.ScheduleEditionAsync(TrainingCalls.Plan(course, Year + 1 + i % 3));
            }
        })).ToList();
        var readers = new[]
        {
            Task.Run(() => UntilDone(done.Token, () => CheckReportsAsync(course.Id, () => Volatile.Read(ref begun)))),
            Task.Run(() => UntilDone(done.Token, WalkCoursesAsync)),
            Task.Run(() => UntilDone(done.Token, () => WalkEditionsAsync(course.Id))),
        };
        await Task.WhenAll(writers);
        await done.CancelAsync();
        Assert.All(await Task.WhenAll(readers), rounds => Assert.True(rounds > 0));

        await CheckReportsAsync(course.Id, () => Writers * PerEdition);
        var final = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = Year, ToYear = Year });
        Assert.Equal(Writers * PerEdition, final.Years[0].Participants);
        Assert.Subset((await WalkCoursesAsync()).ToHashSet(), published.ToHashSet());
    }

    private async Task<Edition> HeldEditionWithAcceptedAsync(Course course)
    {
        var edition = await _client.OpenEditionAsync(course, Year, capacity: PerEdition, days: Days);
        for (var i = 0; i < PerEdition; i++) edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, $"P{i}"));
        foreach (var enrolment in edition.Enrolments) await _client.SetAsync(edition, enrolment.Id, EnrolmentStatus.Accepted);
        await _client.SetAsync(edition, EditionStatus.Closed);
        return await _client.SetAsync(edition, EditionStatus.Held);
    }

    private static async Task<int> UntilDone<T>(CancellationToken done, Func<Task<T>> read)
    {
        var rounds = 0;
        do
        {
            await read();
            rounds++;
        } while (!done.IsCancellationRequested);
        return rounds;
    }

    /// <summary>Every participant report agrees with itself and counts no more than was recorded by the time it answered.</summary>
    private async Task<int> CheckReportsAsync(string courseId, Func<int> recordedSoFar)
    {
        var participants = await _client.GetParticipantReportAsync(new GetParticipantReportRequest { FromYear = Year, ToYear = Year });
        var linked = await _client.GetLinkedTrainingReportAsync(new GetLinkedTrainingReportRequest { FromYear = Year, ToYear = Year });
        var ofCourse = await _client.GetCourseParticipantReportAsync(new GetCourseParticipantReportRequest { CourseId = courseId, FromYear = Year, ToYear = Year });
        var upTo = recordedSoFar();

        var year = participants.Years[0];
        Assert.InRange(year.Participants, 0, upTo);
        Assert.Equal(year.Participants * Days, year.ParticipantDays); // a participant counted twice in days or heads would break this
        Assert.Equal(year.Participants, year.ByConstituentGroup.Sum(g => g.Participants));
        Assert.Equal(year.Participants, year.Female);
        Assert.InRange(linked.Years[0].Participants, 0, upTo);
        Assert.Equal(linked.Years[0].Participants * Days, linked.Years[0].ParticipantDays);
        Assert.InRange(ofCourse.Total.Participants, 0, upTo);
        Assert.Equal(Writers, ofCourse.Total.EditionsHeld);
        return year.Participants;
    }

    private async Task<List<string>> WalkCoursesAsync()
    {
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _client.ListCoursesAsync(new ListCoursesRequest { PageSize = 3, PageToken = token });
            seen.AddRange(page.Courses.Select(c => c.Id));
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        return seen;
    }

    private async Task<int> WalkEditionsAsync(string courseId)
    {
        var seen = new HashSet<string>();
        var token = "";
        do
        {
            var page = await _client.ListEditionsAsync(new ListEditionsRequest { CourseId = courseId, PageSize = 2, PageToken = token });
            foreach (var edition in page.Editions) Assert.True(seen.Add(edition.Id), $"edition {edition.Id} came twice in one walk");
            token = page.NextPageToken;
        } while (token != "");
        Assert.True(seen.Count >= Writers, "the held editions, stored before every walk, are all there");
        return seen.Count;
    }
}
