using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class EnrolmentTests
{
    private static readonly DateTimeOffset BeforeDeadline = new(2008, 5, 1, 9, 0, 0, TimeSpan.Zero);

    internal static Participant Person(string name = "Jane Banda", ConstituentGroup group = ConstituentGroup.Employers, string email = "") =>
        new(name, Sex.Female, "ZMB", group, "Zambia Federation of Employers", email);

    private static Edition Open(int capacity = 2)
    {
        var edition = EditionTests.Scheduled(capacity);
        edition.MoveTo(EditionStatus.Open);
        return edition;
    }

    private static void Hold(Edition edition)
    {
        edition.MoveTo(EditionStatus.Closed);
        edition.MoveTo(EditionStatus.Held, TrainingFixture.Today);
    }

    [Fact]
    public void Apply_WhenOpenAndBeforeDeadline_IsAppliedWithTrimmedUpperCaseFields()
    {
        var edition = Open();
        var enrolment = edition.Apply(new Participant(" Jane Banda ", Sex.Female, "zmb", ConstituentGroup.Employers, " ZFE ", ""), BeforeDeadline);

        Assert.Equal(("Jane Banda", "ZMB", "ZFE", EnrolmentStatus.Applied), (enrolment.ParticipantName, enrolment.CountryCode, enrolment.Organisation, enrolment.Status));
        Assert.Same(enrolment, Assert.Single(edition.Enrolments));
    }

    [Fact]
    public void Apply_WhenNotOpen_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => EditionTests.Scheduled().Apply(Person(), BeforeDeadline));
        Assert.Contains("only while open", error.Message);
    }

    [Fact]
    public void Apply_OnTheDeadlineDay_IsPossibleAndTheDayAfterIsNot()
    {
        var edition = Open();
        var deadline = edition.ApplicationDeadline.ToDateTime(new TimeOnly(23, 59));
        edition.Apply(Person(), new DateTimeOffset(deadline, TimeSpan.Zero));

        var error = Assert.Throws<DomainRuleException>(() => edition.Apply(Person("Other Person"), new DateTimeOffset(deadline.AddMinutes(1), TimeSpan.Zero)));
        Assert.Contains("closed on 2008-05-19", error.Message);
    }

    [Theory]
    [InlineData("jane   BANDA", "zambia federation of employers", "")]
    [InlineData("J. Banda", "ZFE", "JANE@zfe.org")]
    public void Apply_WhenTheSamePersonAppliesAgain_AlreadyExists(string name, string organisation, string email)
    {
        var edition = Open();
        edition.Apply(Person(email: "jane@zfe.org"), BeforeDeadline);

        Assert.Throws<AlreadyExistsException>(() => edition.Apply(new Participant(name, Sex.Female, "ZMB", ConstituentGroup.Employers, organisation, email), BeforeDeadline));
        Assert.Single(edition.Enrolments);
    }

    [Fact]
    public void Apply_WhenSameNameFromAnotherCountryOrAfterWithdrawal_IsPossible()
    {
        var edition = Open();
        var first = edition.Apply(Person(), BeforeDeadline);
        edition.Apply(Person() with { CountryCode = "MWI" }, BeforeDeadline);
        edition.Withdraw(first.Id, BeforeDeadline);

        edition.Apply(Person(), BeforeDeadline);
        Assert.Equal(3, edition.Enrolments.Count);
    }

    [Fact]
    public void Accept_WhenFull_WaitlistsAndAWithdrawalPromotesTheFirstWaiting()
    {
        var edition = Open(capacity: 1);
        var a = edition.Apply(Person("A"), BeforeDeadline);
        var b = edition.Apply(Person("B"), BeforeDeadline);
        var c = edition.Apply(Person("C"), BeforeDeadline);

        edition.Accept(a.Id, BeforeDeadline);
        edition.Accept(b.Id, BeforeDeadline);
        edition.Accept(c.Id, BeforeDeadline);
        Assert.Equal([EnrolmentStatus.Accepted, EnrolmentStatus.Waitlisted, EnrolmentStatus.Waitlisted], edition.Enrolments.Select(e => e.Status));

        edition.Withdraw(a.Id, BeforeDeadline);
        Assert.Equal([EnrolmentStatus.Withdrawn, EnrolmentStatus.Accepted, EnrolmentStatus.Waitlisted], edition.Enrolments.Select(e => e.Status));
        Assert.Equal(1, edition.PlacesTaken());
    }

    [Fact]
    public void Withdraw_WhenWaitlisted_PromotesNobody()
    {
        var edition = Open(capacity: 1);
        var a = edition.Apply(Person("A"), BeforeDeadline);
        var b = edition.Apply(Person("B"), BeforeDeadline);
        edition.Accept(a.Id, BeforeDeadline);
        edition.Accept(b.Id, BeforeDeadline);

        edition.Withdraw(b.Id, BeforeDeadline);
        Assert.Equal([EnrolmentStatus.Accepted, EnrolmentStatus.Withdrawn], edition.Enrolments.Select(e => e.Status));
    }

    [Fact]
    public void Accept_WhenNotAnApplication_IsNotPossible()
    {
        var edition = Open();
        var a = edition.Apply(Person(), BeforeDeadline);
        edition.Accept(a.Id, BeforeDeadline);
        var error = Assert.Throws<DomainRuleException>(() => edition.Accept(a.Id, BeforeDeadline));
        Assert.Contains("only an application", error.Message);
    }

    [Fact]
    public void Accept_WhenEnrolmentIsUnknown_IsNotFound() =>
        Assert.Throws<NotFoundException>(() => Open().Accept(Guid.NewGuid(), BeforeDeadline));

    [Fact]
    public void AttendAndCertify_WhenHeld_FollowTheLifecycle()
    {
        var edition = Open();
        var a = edition.Apply(Person(), BeforeDeadline);
        edition.Accept(a.Id, BeforeDeadline);
        Hold(edition);

        edition.RecordAttendance(a.Id, BeforeDeadline);
        edition.Certify(a.Id, BeforeDeadline);
        Assert.Equal(EnrolmentStatus.Certified, a.Status);
        var error = Assert.Throws<DomainRuleException>(() => edition.Withdraw(a.Id, BeforeDeadline));
        Assert.Contains("not attended", error.Message);
    }

    [Fact]
    public void RecordAttendance_WhenEditionNotHeldOrNotAccepted_IsNotPossible()
    {
        var edition = Open();
        var a = edition.Apply(Person(), BeforeDeadline);
        var b = edition.Apply(Person("B"), BeforeDeadline);
        edition.Accept(a.Id, BeforeDeadline);
        Assert.Contains("once it has been held", Assert.Throws<DomainRuleException>(() => edition.RecordAttendance(a.Id, BeforeDeadline)).Message);

        Hold(edition);
        Assert.Contains("must be ENROLMENT_STATUS_ACCEPTED", Assert.Throws<DomainRuleException>(() => edition.RecordAttendance(b.Id, BeforeDeadline)).Message);
        Assert.Contains("must be ENROLMENT_STATUS_ATTENDED", Assert.Throws<DomainRuleException>(() => edition.Certify(a.Id, BeforeDeadline)).Message);
    }

    [Fact]
    public void Apply_WhenTheEditionHoldsTheMostEnrolmentsKept_IsNotPossible()
    {
        var edition = Open();
        for (var i = 0; i < Edition.MaxEnrolments; i++) edition.Apply(Person($"Person {i}"), BeforeDeadline);

        var error = Assert.Throws<DomainRuleException>(() => edition.Apply(Person("One too many"), BeforeDeadline));
        Assert.Contains("at most 5000", error.Message);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("jane@zfe.org", true)]
    [InlineData("jane@zfe", false)]
    [InlineData("jane banda@zfe.org", false)]
    public void IsValidEmail_AcceptsEmptyOrAnAddress(string email, bool valid) =>
        Assert.Equal(valid, Participant.IsValidEmail(email));
}
