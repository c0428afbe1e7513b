using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Embedded;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class PastParticipantCountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    internal static Edition Held(int capacity = 10, Guid? courseId = null, DateOnly? start = null)
    {
        var first = start ?? EditionTests.Start;
        var edition = Edition.Schedule(courseId ?? Guid.NewGuid(),
            EditionTests.Plan(capacity) with { StartDate = first, EndDate = first.AddDays(4), ApplicationDeadline = first.AddDays(-1) });
        edition.MoveTo(EditionStatus.Open);
        edition.MoveTo(EditionStatus.Closed);
        edition.MoveTo(EditionStatus.Held, TrainingFixture.Today);
        return edition;
    }

    internal static PastParticipantCount Count(int count, ConstituentGroup group = ConstituentGroup.Government, Sex sex = Sex.Male, string country = "ZMB", bool certified = false) =>
        new(sex, country, group, certified, count);

    [Fact]
    public void RecordPast_ByCount_KeepsTheCountsTakesPlacesAndAnnouncesTheTrainedTotal()
    {
        var edition = Held(capacity: 10);
        edition.RecordPast([new PastParticipant(EnrolmentTests.Person("Named"), Certified: true)],
            [Count(3, ConstituentGroup.Employers, Sex.Female, "zmb", certified: true), Count(2)], Now);

        Assert.Equal(6, edition.PlacesTaken());
        Assert.Equal(6, edition.TrainedCount());
        var employers = edition.ParticipantCounts[0];
        Assert.Equal((Sex.Female, "ZMB", ConstituentGroup.Employers, EnrolmentStatus.Certified, 3), (employers.Sex, employers.CountryCode, employers.ConstituentGroup, employers.Status, employers.Count));
        Assert.Equal(new EditionParticipantsTrained(edition.Id, edition.CourseId, 6, Now), Assert.Single(edition.PendingEvents()));
        Assert.Equal([(Sex.Female, 1), (Sex.Female, 3), (Sex.Male, 2)], edition.Trained().Select(t => (t.Sex, t.Count)));
    }

    [Fact]
    public void RecordPast_WhenCountsExceedThePlacesLeft_RecordsNothing()
    {
        var edition = Held(capacity: 5);
        edition.RecordPast([], [Count(4)], Now);

        var error = Assert.Throws<DomainRuleException>(() => edition.RecordPast([new PastParticipant(EnrolmentTests.Person("A"), false)], [Count(1)], Now));

        Assert.Contains("1 places left; 2 participants do not fit", error.Message);
        Assert.Empty(edition.Enrolments);
        Assert.Single(edition.ParticipantCounts);
    }

    [Fact]
    public void RecordPast_WhenEmptyOrACountIsBelowOne_IsNotPossible()
    {
        var edition = Held();
        Assert.Contains("at least one", Assert.Throws<DomainRuleException>(() => edition.RecordPast([], [], Now)).Message);
        Assert.Contains("at least 1", Assert.Throws<DomainRuleException>(() => edition.RecordPast([], [Count(2), Count(0)], Now)).Message);
        Assert.Empty(edition.ParticipantCounts);
    }

    [Fact]
    public void RecordPast_WhenMoreEntriesThanOneCallTakes_IsNotPossible()
    {
        var edition = Held(capacity: Edition.MaxCapacity);
        var counts = Enumerable.Repeat(Count(1), Edition.MaxPastCountsPerCall + 1).ToList();
        Assert.Contains($"{Edition.MaxPastCountsPerCall} counts", Assert.Throws<DomainRuleException>(() => edition.RecordPast([], counts, Now)).Message);
    }

    [Fact]
    public void RecordPast_TwoThousandNamedParticipants_AreRecordedInOneCall()
    {
        var edition = Held(capacity: 2500);
        var batch = Enumerable.Range(0, Edition.MaxPastParticipantsPerCall)
            .Select(i => new PastParticipant(EnrolmentTests.Person($"Participant {i}"), Certified: i % 2 == 0)).ToList();

        edition.RecordPast(batch, Now);

        Assert.Equal(2000, edition.TrainedCount());
        Assert.Equal(1000, edition.Enrolments.Count(e => e.Status == EnrolmentStatus.Certified));
        // The same person again, now in a second batch, is still caught.
        Assert.Throws<AlreadyExistsException>(() => edition.RecordPast([new PastParticipant(EnrolmentTests.Person("participant  7"), false)], Now));
    }

    [Fact]
    public void RecordAttendance_AnnouncesTheTrainedTotalInTheSameSave()
    {
        var edition = EditionTests.Scheduled(capacity: 3);
        edition.MoveTo(EditionStatus.Open);
        var applied = new DateTimeOffset(2008, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var enrolment = edition.Apply(EnrolmentTests.Person(), applied);
        edition.Accept(enrolment.Id, applied);
        edition.MoveTo(EditionStatus.Closed);
        edition.MoveTo(EditionStatus.Held, TrainingFixture.Today);

        edition.RecordAttendance(enrolment.Id, Now);
        edition.Certify(enrolment.Id, Now);

        // Certifying changes no count, so only attendance is announced.
        Assert.Equal(new EditionParticipantsTrained(edition.Id, edition.CourseId, 1, Now), Assert.Single(edition.PendingEvents()));
    }

    [Fact]
    public async Task SaveAsync_OfAnAttendance_PutsItsEventInTheOutboxInTheSameWrite()
    {
        // No relay runs here: what is in the outbox after the save is what a crash right after the RPC would keep.
        var database = new LiteDbDatabase(":memory:");
        var store = new LiteDbAggregateStore<Edition>(database, "editions", [], new OutboxSignal());
        var edition = Held();
        edition.RecordPast([], [Count(4)], Now);

        await store.SaveAsync(edition);

        var message = Assert.Single(await new LiteDbOutbox(database).PeekAsync(10, CancellationToken.None));
        Assert.Equal(typeof(EditionParticipantsTrained).FullName, message.MessageType);
        Assert.Equal(new EditionParticipantsTrained(edition.Id, edition.CourseId, 4, Now), message.Deserialize(typeof(EditionParticipantsTrained)));
        Assert.Equal(4, (await store.FindAsync(edition.Id))!.TrainedCount());
    }
}
