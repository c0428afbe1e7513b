using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class CourseTests
{
    private static readonly DateTimeOffset Now = new(2009, 5, 4, 8, 30, 0, TimeSpan.Zero);

    private static KnownProgramme Programme() => KnownProgramme.Heard(Guid.NewGuid(), "TZA", "DWCP Tanzania");

    [Fact]
    public void Publish_WhenValid_StoresUpperCaseCodeTrimmedTitleAndNoLinks()
    {
        var course = Course.Publish("a9-01x", "  Project cycle management ", Now);

        Assert.Equal("A9-01X", course.Code);
        Assert.Equal("Project cycle management", course.Title);
        Assert.Equal(Now, course.PublishedAt);
        Assert.Empty(course.LinkedProgrammeIds);
        Assert.NotEqual(Guid.Empty, course.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("A901234-A901234-A9012")] // 21 characters
    [InlineData("A90 1234")]
    [InlineData("A901_234")]
    [InlineData("CAFÉ-1")]
    public void Publish_WhenCodeIsNotTwoToTwentyLettersDigitsOrDashes_IsNotPossible(string code)
    {
        var error = Assert.Throws<DomainRuleException>(() => Course.Publish(code, "A title", Now));
        Assert.Contains("course code", error.Message);
    }

    [Theory]
    [InlineData("AB")]
    [InlineData("A901234-A901234-A901")] // 20 characters
    [InlineData("--")]
    public void IsValidCode_WhenTwoToTwentyLettersDigitsOrDashes_IsTrue(string code) =>
        Assert.True(Course.IsValidCode(code));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Publish_WhenTitleIsBlank_IsNotPossible(string title) =>
        Assert.Throws<DomainRuleException>(() => Course.Publish("A901", title, Now));

    [Fact]
    public void Publish_WhenTitleIsLongerThan300Characters_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => Course.Publish("A901", new string('t', 301), Now));
        // Surrounding blanks do not count towards the limit: the title is stored trimmed.
        Assert.Equal(300, Course.Publish("A901", $"  {new string('t', 300)}  ", Now).Title.Length);
    }

    [Fact]
    public void LinkTo_WhenLinkedTwice_LinksOnceAndReportsNoChange()
    {
        var course = Course.Publish("A901", "Social protection floors", Now);
        var programme = Programme();

        Assert.True(course.LinkTo(programme, Now));
        Assert.False(course.LinkTo(programme, Now));
        Assert.True(course.LinkTo(Programme(), Now));

        Assert.Equal(2, course.LinkedProgrammeIds.Count);
        Assert.Equal(programme.Id, course.LinkedProgrammeIds[0]);
        // Each new link is announced in the course's save, so the programme's totals are recounted.
        // The course's publication (CoursePublished, for the search) is pending too, as it was never saved here.
        var links = course.PendingEvents().OfType<CourseLinkedToProgramme>().ToList();
        Assert.Equal(new CourseLinkedToProgramme(course.Id, programme.Id, null, Now), links[0]);
        Assert.Equal(2, links.Count);
        Assert.IsType<CoursePublished>(course.PendingEvents()[0]);
    }

    [Fact]
    public void Heard_WhenProgrammeIdIsEmpty_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => KnownProgramme.Heard(Guid.Empty, "TZA", "DWCP"));
}
