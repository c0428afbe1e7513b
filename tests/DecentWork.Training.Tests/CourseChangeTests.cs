using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

/// <summary>Course.Change and Course.Withdraw: the rules, and the CoursePublished each announces.</summary>
public class CourseChangeTests
{
    private static readonly DateTimeOffset Now = new(2009, 5, 4, 8, 30, 0, TimeSpan.Zero);

    private static CourseDetails Details(string description = "Methods", int days = 5) => new(description, [], [], [], ["en"], days);

    private static CoursePublished LastAnnouncement(Course course) => course.PendingEvents().OfType<CoursePublished>().Last();

    [Fact]
    public void Change_WhenValuesDiffer_ReplacesTheEntryAndAnnouncesTheNextRevision()
    {
        var course = Course.Publish("lab-1", "Labour inspection", Now, Details());

        Assert.True(course.Change("lab-2", "  Labour inspection methods ", Details("Modern methods", 10), Now.AddDays(1)));

        Assert.Equal(("LAB-2", "Labour inspection methods", "Modern methods", 10), (course.Code, course.Title, course.Description, course.DurationDays));
        Assert.Contains("modern methods", course.SearchText);
        var announced = LastAnnouncement(course);
        Assert.Equal(("LAB-2", "Labour inspection methods", false, 2, Now), (announced.Code, announced.Title, announced.Withdrawn, announced.Revision, announced.PublishedAt));
    }

    [Fact]
    public void Change_WhenTheValuesAreTheSame_ChangesAndAnnouncesNothing()
    {
        var course = Course.Publish("lab-1", "Labour inspection", Now, Details());

        Assert.False(course.Change("LAB-1", "Labour inspection ", Details(), Now.AddDays(1)));
        Assert.Single(course.PendingEvents().OfType<CoursePublished>());
    }

    [Fact]
    public void Change_WhenAValueBreaksAPublicationRule_IsNotPossible()
    {
        var course = Course.Publish("lab-1", "Labour inspection", Now, Details());

        Assert.Throws<DomainRuleException>(() => course.Change("x", "Labour inspection", Details(), Now));
        Assert.Throws<DomainRuleException>(() => course.Change("lab-1", " ", Details(), Now));
        Assert.Throws<DomainRuleException>(() => course.Change("lab-1", "Labour inspection", Details(days: 400), Now));
    }

    [Fact]
    public void Withdraw_WhenInTheCatalogue_KeepsWhoWhenWhyAndRefusesFurtherChanges()
    {
        var course = Course.Publish("lab-1", "Labour inspection", Now, Details());

        course.Withdraw("  Replaced by LAB-2 ", Now.AddDays(3), "Registrar (r1)");

        Assert.Equal((true, "Replaced by LAB-2", "Registrar (r1)", Now.AddDays(3)), (course.Withdrawn, course.WithdrawalReason, course.WithdrawnBy, course.WithdrawnAt));
        Assert.Equal((true, 2), (LastAnnouncement(course).Withdrawn, LastAnnouncement(course).Revision));
        Assert.Equal(Course.WithdrawnReason, Assert.Throws<DomainRuleException>(() => course.Withdraw("again", Now, "x")).Reason);
        Assert.Equal(Course.WithdrawnReason, Assert.Throws<DomainRuleException>(() => course.Change("lab-3", "T", Details(), Now)).Reason);
        Assert.Equal(Course.WithdrawnReason, Assert.Throws<DomainRuleException>(() => course.EnsureInCatalogue("given a new edition")).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Withdraw_WithoutAReason_IsNotPossible(string reason)
    {
        var course = Course.Publish("lab-1", "Labour inspection", Now, Details());

        Assert.Throws<DomainRuleException>(() => course.Withdraw(reason, Now, "x"));
        Assert.False(course.Withdrawn);
    }
}
