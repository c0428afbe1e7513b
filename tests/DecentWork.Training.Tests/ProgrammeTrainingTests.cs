using DecentWork.Contracts.Events.Training;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class ProgrammeTrainingTests
{
    private static readonly DateTimeOffset Now = new(2008, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static Edition Held(params string[] attendedCountries)
    {
        var edition = EditionTests.Scheduled(capacity: 10);
        edition.MoveTo(EditionStatus.Open);
        var applied = new DateTimeOffset(2008, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var enrolments = attendedCountries.Select((c, i) => edition.Apply(EnrolmentTests.Person($"P{i}") with { CountryCode = c }, applied)).ToList();
        var accepted = edition.Apply(EnrolmentTests.Person("Accepted only"), applied);
        enrolments.Append(accepted).ToList().ForEach(e => edition.Accept(e.Id, applied));
        edition.MoveTo(EditionStatus.Closed);
        edition.MoveTo(EditionStatus.Held, TrainingFixture.Today);
        enrolments.ForEach(e => edition.RecordAttendance(e.Id, Now));
        edition.Certify(enrolments[0].Id, Now);
        return edition;
    }

    [Fact]
    public void Recount_CountsTrainedParticipantsFromTheCountryOnlyAndAnnouncesTheTotals()
    {
        var programme = KnownProgramme.Heard(Guid.NewGuid(), "ZMB", "DWCP Zambia");
        var tally = ProgrammeTraining.For(programme);

        Assert.True(tally.Recount([Held("ZMB", "MWI", "ZMB"), Held("ZMB")], Now));

        Assert.Equal((3, 15), (tally.ParticipantsTrained, tally.ParticipantDays));
        var counted = Assert.IsType<ProgrammeTrainingCounted>(Assert.Single(tally.PendingEvents()));
        Assert.Equal(new ProgrammeTrainingCounted(programme.Id, "ZMB", 3, 15, 1, Now), counted);
    }

    [Fact]
    public void Recount_WhenNewAndEmpty_AnnouncesZeroOnce()
    {
        var tally = ProgrammeTraining.For(KnownProgramme.Heard(Guid.NewGuid(), "ZMB", "DWCP Zambia"));
        Assert.True(tally.Recount([], Now));
        Assert.Equal(0, ((ProgrammeTrainingCounted)tally.PendingEvents()[0]).ParticipantsTrained);
    }

    [Fact]
    public async Task Recount_WhenSavedAndUnchanged_AnnouncesNothing()
    {
        var tally = ProgrammeTraining.For(KnownProgramme.Heard(Guid.NewGuid(), "ZMB", "DWCP Zambia"));
        var store = new DecentWork.ServiceDefaults.Storage.Embedded.LiteDbAggregateStore<ProgrammeTraining>(
            new DecentWork.ServiceDefaults.Storage.Embedded.LiteDbDatabase(":memory:"), "t", [], new DecentWork.ServiceDefaults.Storage.OutboxSignal());
        tally.Recount([Held("ZMB")], Now);
        await store.SaveAsync(tally);

        Assert.False(tally.Recount([Held("ZMB")], Now));
        Assert.Empty(tally.PendingEvents());
        Assert.True(tally.Recount([Held("ZMB", "ZMB")], Now));
        Assert.Equal(2, ((ProgrammeTrainingCounted)tally.PendingEvents()[0]).Revision);
    }

    [Fact]
    public void LinkTo_KeepsTheSearchableProgrammeKeys()
    {
        var course = Course.Publish("A901", "Title", Now);
        var first = KnownProgramme.Heard(Guid.NewGuid(), "ZMB", "DWCP Zambia");
        course.LinkTo(first, Now);
        course.LinkTo(KnownProgramme.Heard(Guid.NewGuid(), "JOR", "DWCP Jordan"), Now);
        Assert.StartsWith(Course.ProgrammeKey(first.Id), course.LinkedProgrammeKeys);
        Assert.Equal(2, course.LinkedProgrammeKeys.Count(c => c == '|') - 1);
    }
}
