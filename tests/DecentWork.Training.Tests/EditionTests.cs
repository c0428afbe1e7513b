using DecentWork.ServiceDefaults;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class EditionTests
{
    internal static readonly DateOnly Start = new(2008, 6, 2);

    internal static EditionPlan Plan(int capacity = 2) =>
        new(Start, Start.AddDays(4), " Turin ", DeliveryMode.TurinCampus, capacity, 2500.50m, "usd", Start.AddDays(-14));

    internal static Edition Scheduled(int capacity = 2) => Edition.Schedule(Guid.NewGuid(), Plan(capacity));

    [Fact]
    public void Schedule_WhenValid_IsPlannedWithTrimmedVenueUpperCaseCurrencyAndFiveDays()
    {
        var courseId = Guid.NewGuid();
        var edition = Edition.Schedule(courseId, Plan());

        Assert.Equal((courseId, EditionStatus.Planned, "Turin", "USD", 2500.50m, 2008), (edition.CourseId, edition.Status, edition.Venue, edition.FeeCurrency, edition.Fee, edition.StartYear));
        Assert.Equal(5, edition.LengthInDays());
        Assert.StartsWith("2008-06-02|", edition.ListKey);
        Assert.Empty(edition.Enrolments);
    }

    [Theory]
    [InlineData(-1, 0, 2, "0", "end before")]
    [InlineData(0, 1, 2, "0", "on or before")]
    [InlineData(0, 0, 0, "0", "places")]
    [InlineData(0, 0, 5001, "0", "places")]
    [InlineData(0, 0, 2, "-0.01", "negative")]
    public void Schedule_WhenPlanBreaksARule_IsNotPossible(int endOffset, int deadlineOffset, int capacity, string fee, string message)
    {
        var plan = Plan() with { EndDate = Start.AddDays(endOffset), ApplicationDeadline = Start.AddDays(deadlineOffset), Capacity = capacity, Fee = decimal.Parse(fee) };
        var error = Assert.Throws<DomainRuleException>(() => Edition.Schedule(Guid.NewGuid(), plan));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Schedule_WhenOneDayLongDeadlineOnFirstDayAndFree_IsPossible()
    {
        var edition = Edition.Schedule(Guid.NewGuid(), Plan() with { EndDate = Start, ApplicationDeadline = Start, Fee = 0 });
        Assert.Equal(1, edition.LengthInDays());
    }

    [Fact]
    public void MoveTo_WhenFollowingTheLifecycle_ReachesHeld()
    {
        var edition = Scheduled();
        Assert.True(edition.MoveTo(EditionStatus.Open));
        Assert.True(edition.MoveTo(EditionStatus.Closed));
        Assert.True(edition.MoveTo(EditionStatus.Open));
        Assert.False(edition.MoveTo(EditionStatus.Open));
        Assert.True(edition.MoveTo(EditionStatus.Closed));
        Assert.True(edition.MoveTo(EditionStatus.Held, TrainingFixture.Today));
        Assert.Equal(EditionStatus.Held, edition.Status);
    }

    [Theory]
    [InlineData(EditionStatus.Closed)]
    [InlineData(EditionStatus.Held)]
    public void MoveTo_WhenSkippingASteps_IsNotPossible(EditionStatus target)
    {
        var error = Assert.Throws<DomainRuleException>(() => Scheduled().MoveTo(target));
        Assert.Contains($"from EDITION_STATUS_PLANNED to {ProtoNames.Of(target)}", error.Message);
    }

    [Fact]
    public void MoveTo_WhenHeldOrCancelled_IsFinal()
    {
        var cancelled = Scheduled();
        cancelled.MoveTo(EditionStatus.Cancelled);
        Assert.Throws<DomainRuleException>(() => cancelled.MoveTo(EditionStatus.Open));

        var held = Scheduled();
        held.MoveTo(EditionStatus.Open);
        held.MoveTo(EditionStatus.Closed);
        held.MoveTo(EditionStatus.Held, TrainingFixture.Today);
        Assert.Throws<DomainRuleException>(() => held.MoveTo(EditionStatus.Cancelled));
    }

    private static Edition Closed()
    {
        var edition = Scheduled();
        edition.MoveTo(EditionStatus.Open);
        edition.MoveTo(EditionStatus.Closed);
        return edition;
    }

    [Fact]
    public void MoveTo_WhenHeldBeforeItsLastDay_IsRefusedAsDatedInTheFuture()
    {
        var edition = Closed(); // 2008-06-02 to 2008-06-06
        var dayBeforeLast = new DateTimeOffset(2008, 6, 4, 12, 0, 0, TimeSpan.Zero); // one day's grace for time zones ahead of UTC

        var error = Assert.Throws<DomainRuleException>(() => edition.MoveTo(EditionStatus.Held, dayBeforeLast));

        Assert.Equal(DateRules.InFuture, error.Reason);
        Assert.Contains("ends on 2008-06-06", error.Message);
        Assert.Equal(EditionStatus.Closed, edition.Status);
    }

    [Fact]
    public void MoveTo_WhenHeldOnTheDayBeforeItsLastOrLater_IsPossible()
    {
        var edition = Closed();

        Assert.True(edition.MoveTo(EditionStatus.Held, new DateTimeOffset(2008, 6, 5, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(EditionStatus.Held, edition.Status);
    }

    [Fact]
    public void MoveTo_WhenHeldWithoutToday_IsAProgrammingError()
    {
        Assert.Throws<ArgumentNullException>(() => Closed().MoveTo(EditionStatus.Held));
    }
}
