using System.Collections.Concurrent;
using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Counted = DecentWork.Contracts.Events.Training.ProgrammeTrainingCounted;

namespace DecentWork.Training.Tests;

/// <summary>The counts reach the broker: a test queue bound to the event hears what programming would.</summary>
public class ProgrammeTrainingCountedTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task RecordingAttendance_OnALinkedCourse_PublishesTheProgrammesTotals()
    {
        var heard = new ConcurrentQueue<Counted>();
        var handle = fixture.Bus.ConnectReceiveEndpoint($"test-counted-{Guid.NewGuid():N}", e =>
            e.Handler<Counted>(context => { heard.Enqueue(context.Message); return Task.CompletedTask; }));
        await handle.Ready;
        try
        {
            var programme = await fixture.KnownProgrammeAsync("ZMB");
            var course = await _client.PublishAsync();
            await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = course.Id, ProgrammeId = programme.ToString() });
            var edition = await _client.OpenEditionAsync(course, days: 5);
            edition = await _client.ApplyForEditionAsync(TrainingCalls.Application(edition, "From Zambia"));
            var foreign = TrainingCalls.Application(edition, "From Malawi");
            foreign.CountryCode = "MWI";
            edition = await _client.ApplyForEditionAsync(foreign);
            foreach (var enrolment in edition.Enrolments) await _client.SetAsync(edition, enrolment.Id, EnrolmentStatus.Accepted);
            await _client.SetAsync(edition, EditionStatus.Closed);
            await _client.SetAsync(edition, EditionStatus.Held);
            foreach (var enrolment in edition.Enrolments) await _client.SetAsync(edition, enrolment.Id, EnrolmentStatus.Attended);
            // Certifying does not change who counts as trained, so it announces nothing new.
            await _client.SetAsync(edition, edition.Enrolments[0].Id, EnrolmentStatus.Certified);

            var last = await Eventually.Until(() => Task.FromResult(heard.Where(c => c.ProgrammeId == programme).ToList()),
                events => events.Any(c => c.ParticipantsTrained == 1), what: "the programme's training count");
            // Recounts follow the changes through the broker, so whether the link's recount (zero) is
            // announced before attendance is recorded depends on timing. What holds: revisions are
            // distinct, the latest counts one Zambian participant for five days, and no count ever
            // includes the Malawian.
            var latest = last.MaxBy(c => c.Revision)!;
            Assert.Equal((1, 5), (latest.ParticipantsTrained, latest.ParticipantDays));
            Assert.All(last, c => Assert.InRange(c.ParticipantsTrained, 0, 1));
            Assert.Equal(last.Count, last.Select(c => c.Revision).Distinct().Count());
            var tally = await fixture.Service.Services.GetRequiredService<IAggregateStore<Domain.ProgrammeTraining>>().FindAsync(programme);
            Assert.Equal((1, 5, "ZMB", latest.Revision), (tally!.ParticipantsTrained, tally.ParticipantDays, tally.CountryCode, tally.Version));
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    [Fact]
    public async Task LinkingAnEditionToAnOutcome_CountsItsParticipantsForTheProgrammeOnly()
    {
        var outcome = TrainingFixture.Outcome("GHA 1");
        var programme = await fixture.ApprovedProgrammeAsync("GHA", outcome);
        var course = await _client.PublishAsync();
        var linked = await _client.OpenEditionAsync(course, 2032, capacity: 50, days: 3);
        var unlinked = await _client.OpenEditionAsync(course, 2033, capacity: 50, days: 3);
        foreach (var edition in new[] { linked, unlinked })
        {
            await _client.SetAsync(edition, EditionStatus.Closed);
            await _client.SetAsync(edition, EditionStatus.Held);
            await _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
            {
                CourseId = course.Id, EditionId = edition.Id,
                ParticipantCounts = { new PastParticipantCount { Sex = Sex.Male, CountryCode = "GHA", ConstituentGroup = ConstituentGroup.Workers, Status = EnrolmentStatus.Attended, Count = 7 } },
            });
        }

        await _client.LinkEditionToOutcomeAsync(new LinkEditionToOutcomeRequest
        {
            CourseId = course.Id, EditionId = linked.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(),
        });

        var tallies = fixture.Service.Services.GetRequiredService<IAggregateStore<Domain.ProgrammeTraining>>();
        var tally = await Eventually.Until(() => tallies.FindAsync(programme), t => t is not null, what: "the programme's tally");
        Assert.Equal((7, 21, 1L), (tally!.ParticipantsTrained, tally.ParticipantDays, tally.Version));
    }
}
