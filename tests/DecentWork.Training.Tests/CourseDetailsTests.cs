using DecentWork.ServiceDefaults;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class CourseDetailsTests
{
    private static readonly DateTimeOffset Now = new(2008, 1, 10, 8, 0, 0, TimeSpan.Zero);

    private static CourseDetails Details() => new(
        " Designing TC projects with the ILO manual ",
        [CourseTheme.TcProjectDesign, CourseTheme.ResultsBasedManagement, CourseTheme.TcProjectDesign],
        [ConstituentGroup.Staff],
        [DeliveryMode.TurinCampus, DeliveryMode.Field],
        ["EN", "fr", "en"],
        5);

    [Fact]
    public void Publish_WithDetails_StoresThemWithoutDuplicatesAndBuildsTheSearchFields()
    {
        var course = Course.Publish("tcm-1", "TC Manual", Now, Details());

        Assert.Equal("Designing TC projects with the ILO manual", course.Description);
        Assert.Equal([CourseTheme.TcProjectDesign, CourseTheme.ResultsBasedManagement], course.Themes);
        Assert.Equal(["en", "fr"], course.Languages);
        Assert.Equal(5, course.DurationDays);
        Assert.Equal("tcm-1\ntc manual\ndesigning tc projects with the ilo manual", course.SearchText);
        Assert.Contains("|theme:tcprojectdesign|", course.SearchFacets);
        Assert.Contains("|group:staff|", course.SearchFacets);
        Assert.Contains("|delivery:field|", course.SearchFacets);
        Assert.Contains("|lang:fr|", course.SearchFacets);
        Assert.DoesNotContain("|lang:es|", course.SearchFacets);
    }

    [Fact]
    public void Publish_WithoutDetails_HasEmptyDetailsAndMatchesNoFacet()
    {
        var course = Course.Publish("A901", "Labour inspection", Now);
        Assert.Equal(("", 0, "|"), (course.Description, course.DurationDays, course.SearchFacets));
    }

    [Theory]
    [InlineData("eng", 1, "ISO 639-1")]
    [InlineData("en", 366, "0-365 days")]
    [InlineData("en", -1, "0-365 days")]
    public void Publish_WhenDetailsBreakARule_IsNotPossible(string language, int days, string message)
    {
        var error = Assert.Throws<DomainRuleException>(() => Course.Publish("A901", "Title", Now, Details() with { Languages = [language], DurationDays = days }));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Publish_WhenDescriptionIsTooLongOrAThemeUnknown_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => Course.Publish("A901", "Title", Now, Details() with { Description = new string('d', 4001) }));
        Assert.Throws<DomainRuleException>(() => Course.Publish("A901", "Title", Now, Details() with { Themes = [(CourseTheme)0] }));
    }

    [Theory]
    [InlineData("manual", true)]
    [InlineData("50%", false)]
    [InlineData("a_b", false)]
    public void IsValidText_RefusesLikeWildcards(string text, bool valid) =>
        Assert.Equal(valid, CourseSearch.IsValidText(text));
}
