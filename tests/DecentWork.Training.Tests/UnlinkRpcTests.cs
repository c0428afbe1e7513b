using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Training.Tests;

/// <summary>Removing links over real gRPC: the links are kept in removed_links and the programme's tally follows through the broker.</summary>
public class UnlinkRpcTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private const string Reason = "Linked to the wrong DWCP";
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private IAggregateStore<Domain.ProgrammeTraining> Tallies => fixture.Service.Services.GetRequiredService<IAggregateStore<Domain.ProgrammeTraining>>();

    /// <summary>A held edition of the course with seven trained participants from the country.</summary>
    private async Task<Edition> HeldEditionAsync(Course course, string country, int year)
    {
        var edition = await _client.OpenEditionAsync(course, year, capacity: 50, days: 3);
        await _client.SetAsync(edition, EditionStatus.Closed);
        await _client.SetAsync(edition, EditionStatus.Held);
        await _client.RecordPastParticipantsAsync(new RecordPastParticipantsRequest
        {
            CourseId = course.Id, EditionId = edition.Id,
            ParticipantCounts = { new PastParticipantCount { Sex = Sex.Female, CountryCode = country, ConstituentGroup = ConstituentGroup.Employers, Status = EnrolmentStatus.Attended, Count = 7 } },
        });
        return edition;
    }

    [Fact]
    public async Task UnlinkCourseFromProgramme_WhenLinked_KeepsTheLinksAndRecountsTheProgrammeToZero()
    {
        var outcome = TrainingFixture.Outcome("KEN 1");
        var programme = await fixture.ApprovedProgrammeAsync("KEN", outcome);
        var course = await _client.PublishAsync();
        await HeldEditionAsync(course, "KEN", 2031);
        await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = course.Id, ProgrammeId = programme.ToString() });
        var linked = await _client.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest { CourseId = course.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString() });
        await Eventually.Until(() => Tallies.FindAsync(programme), t => t?.ParticipantsTrained == 7, what: "the linked course counted");

        var unlinked = await _client.UnlinkCourseFromProgrammeAsync(new UnlinkCourseFromProgrammeRequest
        {
            CourseId = course.Id, ProgrammeId = programme.ToString(), Reason = Reason, ExpectedVersion = linked.Version,
        });

        Assert.Empty(unlinked.LinkedProgrammeIds);
        Assert.Empty(unlinked.LinkedOutcomes);
        Assert.Equal([("KEN 1", outcome.OutcomeId.ToString()), ("", "")], unlinked.RemovedLinks.Select(l => (l.OutcomeCode, l.OutcomeId)));
        Assert.All(unlinked.RemovedLinks, l => Assert.Equal((Reason, programme.ToString()), (l.Reason, l.ProgrammeId)));
        Assert.All(unlinked.RemovedLinks, l => Assert.NotEqual("", l.RemovedBy));
        var tally = await Eventually.Until(() => Tallies.FindAsync(programme), t => t?.ParticipantsTrained == 0, what: "the recount without the course");
        Assert.Equal(0, tally!.ParticipantDays);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.UnlinkCourseFromProgrammeAsync(new UnlinkCourseFromProgrammeRequest
        {
            CourseId = course.Id, ProgrammeId = programme.ToString(), Reason = Reason,
        }).ResponseAsync);
    }

    [Fact]
    public async Task UnlinkCourseFromOutcome_WhenAnotherOutcomeStaysLinked_KeepsTheProgramme_AndTheLastOneRemovesIt()
    {
        var first = TrainingFixture.Outcome("TZA 1");
        var second = TrainingFixture.Outcome("TZA 2");
        var programme = await fixture.ApprovedProgrammeAsync("TZA", first, second);
        var course = await _client.PublishAsync();
        await HeldEditionAsync(course, "TZA", 2031);
        foreach (var outcome in new[] { first, second })
            await _client.LinkCourseToOutcomeAsync(new LinkCourseToOutcomeRequest { CourseId = course.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString() });
        await Eventually.Until(() => Tallies.FindAsync(programme), t => t?.ParticipantsTrained == 7, what: "the linked course counted");

        UnlinkCourseFromOutcomeRequest Unlink(ProgrammeOutcomeLike outcome) => new()
        {
            CourseId = course.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.Id.ToString(), Reason = Reason,
        };
        var afterFirst = await _client.UnlinkCourseFromOutcomeAsync(Unlink(new(first.OutcomeId)));
        Assert.Equal([programme.ToString()], afterFirst.LinkedProgrammeIds);
        Assert.Equal(["TZA 2"], afterFirst.LinkedOutcomes.Select(l => l.OutcomeCode));

        var afterSecond = await _client.UnlinkCourseFromOutcomeAsync(Unlink(new(second.OutcomeId)));
        Assert.Empty(afterSecond.LinkedProgrammeIds);
        Assert.Equal(["TZA 1", "TZA 2"], afterSecond.RemovedLinks.Select(l => l.OutcomeCode));
        await Eventually.Until(() => Tallies.FindAsync(programme), t => t?.ParticipantsTrained == 0, what: "the recount without the course");
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.UnlinkCourseFromOutcomeAsync(Unlink(new(second.OutcomeId))).ResponseAsync);
    }

    [Fact]
    public async Task UnlinkEditionFromOutcome_WhenLinked_KeepsTheLinkAndRecountsTheProgramme()
    {
        var outcome = TrainingFixture.Outcome("UGA 1");
        var programme = await fixture.ApprovedProgrammeAsync("UGA", outcome);
        var course = await _client.PublishAsync();
        var edition = await HeldEditionAsync(course, "UGA", 2032);
        var link = new LinkEditionToOutcomeRequest { CourseId = course.Id, EditionId = edition.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString() };
        await _client.LinkEditionToOutcomeAsync(link);
        await Eventually.Until(() => Tallies.FindAsync(programme), t => t?.ParticipantsTrained == 7, what: "the linked edition counted");

        var unlinked = await _client.UnlinkEditionFromOutcomeAsync(new UnlinkEditionFromOutcomeRequest
        {
            CourseId = course.Id, EditionId = edition.Id, ProgrammeId = programme.ToString(), OutcomeId = outcome.OutcomeId.ToString(), Reason = Reason,
        });

        Assert.Empty(unlinked.LinkedOutcomes);
        Assert.Equal(("UGA 1", Reason), (unlinked.RemovedLinks.Single().OutcomeCode, unlinked.RemovedLinks.Single().Reason));
        await Eventually.Until(() => Tallies.FindAsync(programme), t => t?.ParticipantsTrained == 0, what: "the recount without the edition");
        var relinked = await _client.LinkEditionToOutcomeAsync(link);
        Assert.Single(relinked.LinkedOutcomes);
        Assert.Single(relinked.RemovedLinks);
    }

    [Fact]
    public async Task Unlink_WhenFieldsAreInvalid_ListsEveryField()
    {
        await RpcAssert.InvalidFields(() => _client.UnlinkCourseFromProgrammeAsync(new UnlinkCourseFromProgrammeRequest { CourseId = "x", ProgrammeId = "y", ExpectedVersion = -1 }).ResponseAsync,
            "course_id", "programme_id", "reason", "expected_version");
        await RpcAssert.InvalidFields(() => _client.UnlinkCourseFromOutcomeAsync(new UnlinkCourseFromOutcomeRequest { CourseId = "x", Reason = new string('r', 501) }).ResponseAsync,
            "course_id", "programme_id", "outcome_id", "reason");
        await RpcAssert.InvalidFields(() => _client.UnlinkEditionFromOutcomeAsync(new UnlinkEditionFromOutcomeRequest { CourseId = "x", EditionId = "y" }).ResponseAsync,
            "course_id", "edition_id", "programme_id", "outcome_id", "reason");
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.UnlinkCourseFromProgrammeAsync(new UnlinkCourseFromProgrammeRequest
        {
            CourseId = Guid.NewGuid().ToString(), ProgrammeId = Guid.NewGuid().ToString(), Reason = Reason,
        }).ResponseAsync);
    }

    private sealed record ProgrammeOutcomeLike(Guid Id);
}
