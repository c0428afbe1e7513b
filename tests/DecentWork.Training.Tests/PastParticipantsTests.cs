using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class PastParticipantsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static Edition Held(int capacity = 3)
    {
        var edition = EditionTests.Scheduled(capacity);
        edition.MoveTo(EditionStatus.Open);
        edition.MoveTo(EditionStatus.Closed);
        edition.MoveTo(EditionStatus.Held, TrainingFixture.Today);
        return edition;
    }

    private static PastParticipant Past(string name, bool certified = false) => new(EnrolmentTests.Person(name), certified);

    [Fact]
    public void RecordPast_WhenHeld_RecordsAttendedAndCertified()
    {
        var edition = Held();
        edition.RecordPast([Past("A"), Past("B", certified: true)], Now);
        Assert.Equal([EnrolmentStatus.Attended, EnrolmentStatus.Certified], edition.Enrolments.Select(e => e.Status));
    }

    [Fact]
    public void RecordPast_WhenNotHeld_IsNotPossible()
    {
        var edition = EditionTests.Scheduled();
        Assert.Contains("once it has been held", Assert.Throws<DomainRuleException>(() => edition.RecordPast([Past("A")], Now)).Message);
    }

    [Fact]
    public void RecordPast_WhenMoreThanThePlacesLeft_RecordsNobody()
    {
        var edition = Held(capacity: 2);
        edition.RecordPast([Past("A")], Now);
        Assert.Contains("1 places left", Assert.Throws<DomainRuleException>(() => edition.RecordPast([Past("B"), Past("C")], Now)).Message);
        Assert.Single(edition.Enrolments);
    }

    [Fact]
    public void RecordPast_WhenThePersonIsTwiceInTheBatchOrAlreadyEnrolled_RecordsNobody()
    {
        var edition = Held();
        Assert.Throws<AlreadyExistsException>(() => edition.RecordPast([Past("A"), Past(" a ")], Now));
        Assert.Empty(edition.Enrolments);
        edition.RecordPast([Past("A")], Now);
        Assert.Throws<AlreadyExistsException>(() => edition.RecordPast([Past("B"), Past("A")], Now));
        Assert.Single(edition.Enrolments);
    }
}
