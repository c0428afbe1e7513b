using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class OutcomeLinkTests
{
    private static readonly DateTimeOffset Now = new(2008, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ProgrammeOutcome Jobs = new(Guid.NewGuid(), "ZMB 101", "More youth in decent jobs", 2, 500_000m);
    private static readonly ProgrammeOutcome Dialogue = new(Guid.NewGuid(), "ZMB 102", "Stronger social dialogue", 4, 200_000m);

    private static ProgrammeApproved Approval(Guid programmeId, params ProgrammeOutcome[] outcomes) =>
        new(programmeId, "ZMB", "Africa", new DateOnly(2008, 3, 1), outcomes, Now.AddDays(-1));

    private static KnownProgramme Approved()
    {
        var programme = KnownProgramme.Heard(Guid.NewGuid(), "ZMB", "DWCP Zambia");
        programme.Approve(Approval(programme.Id, Jobs, Dialogue));
        return programme;
    }

    [Fact]
    public void Approve_RecordsTheOutcomesOnceAndKeepsNewerChanges()
    {
        var programme = KnownProgramme.Heard(Guid.NewGuid(), "ZMB", "DWCP Zambia");
        Assert.True(programme.ApplyOutcome(Jobs with { Code = "ZMB 101 (revised)" }, withdrawn: false, Now));

        Assert.True(programme.Approve(Approval(programme.Id, Jobs, Dialogue)));
        Assert.False(programme.Approve(Approval(programme.Id, Jobs, Dialogue)));

        Assert.Equal(["ZMB 101 (revised)", "ZMB 102"], programme.Outcomes.Select(o => o.Code));
    }

    [Fact]
    public void HeardApproved_BeforeTheRegistration_TakesTheTitleLaterOnce()
    {
        var programme = KnownProgramme.HeardApproved(Approval(Guid.NewGuid(), Jobs));
        Assert.Equal(("ZMB", "", false, 1), (programme.CountryCode, programme.Title, programme.Registered, programme.Outcomes.Count));

        Assert.True(programme.ApplyRegistration("DWCP Zambia"));
        Assert.False(programme.ApplyRegistration("DWCP Zambia (again)"));
        Assert.Equal("DWCP Zambia", programme.Title);
    }

    [Fact]
    public void LinkableOutcome_WhenUnknownOrWithdrawn_IsNotPossible()
    {
        var programme = Approved();
        var unknown = Guid.NewGuid();
        Assert.Contains($"has not heard of outcome '{unknown}'", Assert.Throws<NotKnownYetException>(() => programme.LinkableOutcome(unknown)).Message);

        programme.ApplyOutcome(Jobs, withdrawn: true, Now);
        Assert.Contains("ZMB 101", Assert.Throws<DomainRuleException>(() => programme.LinkableOutcome(Jobs.OutcomeId)).Message);
        Assert.Contains("withdrawn", Assert.Throws<DomainRuleException>(() => programme.LinkableOutcome(Jobs.OutcomeId)).Message);
        Assert.Equal(Dialogue.OutcomeId, programme.LinkableOutcome(Dialogue.OutcomeId).Id);
    }

    [Fact]
    public void ApplyOutcome_WhenOlderThanTheOneHeld_IsIgnored()
    {
        var programme = Approved();
        Assert.True(programme.ApplyOutcome(Jobs, withdrawn: true, Now));
        Assert.False(programme.ApplyOutcome(Jobs, withdrawn: false, Now.AddMinutes(-1)));
        Assert.True(programme.Outcomes.Single(o => o.Id == Jobs.OutcomeId).Withdrawn);
    }

    [Fact]
    public void CourseLinkTo_AnOutcome_LinksTheOutcomeAndItsProgrammeOnce()
    {
        var programme = Approved();
        var course = Course.Publish("A901", "Youth employment", Now);

        Assert.True(course.LinkTo(programme, Jobs.OutcomeId, Now));
        Assert.False(course.LinkTo(programme, Jobs.OutcomeId, Now));
        Assert.True(course.LinkTo(programme, Dialogue.OutcomeId, Now));

        Assert.Equal([(programme.Id, Jobs.OutcomeId, "ZMB 101"), (programme.Id, Dialogue.OutcomeId, "ZMB 102")],
            course.LinkedOutcomes.Select(l => (l.ProgrammeId, l.OutcomeId, l.OutcomeCode)));
        Assert.Equal([programme.Id], course.LinkedProgrammeIds);
        Assert.Equal(ProgrammeKeys.Key(programme.Id), course.LinkedProgrammeKeys);
        Assert.Equal([new CourseLinkedToProgramme(course.Id, programme.Id, Jobs.OutcomeId, Now), new CourseLinkedToProgramme(course.Id, programme.Id, Dialogue.OutcomeId, Now)],
            course.PendingEvents().OfType<CourseLinkedToProgramme>());
    }

    [Fact]
    public void CourseLinkTo_AWithdrawnOutcome_IsNotPossibleAndChangesNothing()
    {
        var programme = Approved();
        programme.ApplyOutcome(Jobs, withdrawn: true, Now);
        var course = Course.Publish("A901", "Youth employment", Now);

        Assert.Throws<DomainRuleException>(() => course.LinkTo(programme, Jobs.OutcomeId, Now));

        Assert.Empty(course.LinkedOutcomes);
        Assert.Empty(course.LinkedProgrammeIds);
        // Only the course's own publication (never saved here) is pending.
        Assert.Equal([typeof(CoursePublished)], course.PendingEvents().Select(e => e.GetType()));
    }

    [Fact]
    public void EditionLinkTo_AnOutcome_LinksItOnceAndAnnouncesIt()
    {
        var programme = Approved();
        var edition = EditionTests.Scheduled();

        Assert.True(edition.LinkTo(programme, Dialogue.OutcomeId, Now));
        Assert.False(edition.LinkTo(programme, Dialogue.OutcomeId, Now));

        Assert.True(edition.IsLinkedToOutcome);
        Assert.Equal([programme.Id], edition.LinkedProgrammeIds);
        Assert.Equal(ProgrammeKeys.Key(programme.Id), edition.LinkedProgrammeKeys);
        Assert.Equal(new EditionLinkedToOutcome(edition.Id, edition.CourseId, programme.Id, Dialogue.OutcomeId, Now), Assert.Single(edition.PendingEvents()));
    }

    [Fact]
    public void EditionLinkTo_WhenCancelledOrOutcomeUnknown_IsNotPossible()
    {
        var programme = Approved();
        var edition = EditionTests.Scheduled();
        Assert.Contains("has not heard of outcome", Assert.Throws<NotKnownYetException>(() => edition.LinkTo(programme, Guid.NewGuid(), Now)).Message);

        edition.MoveTo(EditionStatus.Cancelled);
        Assert.Contains("cancelled", Assert.Throws<DomainRuleException>(() => edition.LinkTo(programme, Jobs.OutcomeId, Now)).Message);
        Assert.Empty(edition.LinkedOutcomes);
    }
}
