using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;

namespace DecentWork.Training.Tests;

/// <summary>
/// Its own service instance and only this class publishes in it, so result sets are exact. Runs on
/// the embedded store: it proves LiteDB translates the string Contains filters (MongoDB's driver
/// turns the same expressions into escaped regexes).
/// </summary>
public class CatalogueSearchTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>, IAsyncLifetime
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    public async Task InitializeAsync()
    {
        if ((await _client.ListCoursesAsync(new ListCoursesRequest())).TotalSize > 0) return;
        await _client.PublishCourseAsync(new PublishCourseRequest
        {
            Code = "TCM-01", Title = "Technical cooperation manual", Description = "Project design and RESULTS-based management",
            Themes = { CourseTheme.TcProjectDesign, CourseTheme.ResultsBasedManagement }, TargetGroups = { ConstituentGroup.Staff },
            DeliveryModes = { DeliveryMode.TurinCampus, DeliveryMode.Field }, Languages = { "EN", "fr" }, DurationDays = 5,
        });
        await _client.PublishCourseAsync(new PublishCourseRequest
        {
            Code = "SD-100", Title = "Collective bargaining", Description = "For employers' and workers' organisations",
            Themes = { CourseTheme.SocialDialogue }, TargetGroups = { ConstituentGroup.Employers, ConstituentGroup.Workers },
            DeliveryModes = { DeliveryMode.Distance }, Languages = { "es", "en" }, DurationDays = 10,
        });
        await _client.PublishCourseAsync(new PublishCourseRequest { Code = "UN-7", Title = "UN reform and Delivering as One" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string[]> SearchAsync(ListCoursesRequest request) =>
        (await _client.ListCoursesAsync(request)).Courses.Select(c => c.Code).ToArray();

    [Fact]
    public async Task ListCourses_ByText_MatchesCodeTitleOrDescriptionIgnoringCase()
    {
        Assert.Equal(["TCM-01"], await SearchAsync(new ListCoursesRequest { Text = "results-based" }));
        Assert.Equal(["SD-100"], await SearchAsync(new ListCoursesRequest { Text = "sd-1" }));
        Assert.Equal(["SD-100", "TCM-01", "UN-7"], await SearchAsync(new ListCoursesRequest { Text = "O" }));
        Assert.Equal(["UN-7"], await SearchAsync(new ListCoursesRequest { Text = " delivering AS one " }));
        Assert.Empty(await SearchAsync(new ListCoursesRequest { Text = "inspection" }));
    }

    [Fact]
    public async Task ListCourses_ByFacets_MatchesOnlyWholeValuesAndCombinesWithAnd()
    {
        Assert.Equal(["TCM-01"], await SearchAsync(new ListCoursesRequest { Theme = CourseTheme.ResultsBasedManagement }));
        Assert.Equal(["SD-100", "TCM-01"], await SearchAsync(new ListCoursesRequest { Language = "EN" }));
        Assert.Empty(await SearchAsync(new ListCoursesRequest { Language = "e" + "s", Theme = CourseTheme.TcProjectDesign }));
        Assert.Equal(["SD-100"], await SearchAsync(new ListCoursesRequest { DeliveryMode = DeliveryMode.Distance, TargetGroup = ConstituentGroup.Workers }));
        Assert.Equal(["TCM-01"], await SearchAsync(new ListCoursesRequest { DeliveryMode = DeliveryMode.Field, Text = "manual" }));
        var page = await _client.ListCoursesAsync(new ListCoursesRequest { Language = "en", PageSize = 1 });
        Assert.Equal((2, "SD-100"), (page.TotalSize, page.Courses.Single().Code));
    }

    [Fact]
    public async Task PublishCourse_WithDetails_ReturnsThemNormalised()
    {
        var course = (await _client.ListCoursesAsync(new ListCoursesRequest { Text = "tcm-01" })).Courses.Single();
        Assert.Equal(["en", "fr"], course.Languages);
        Assert.Equal([DeliveryMode.TurinCampus, DeliveryMode.Field], course.DeliveryModes);
        Assert.Equal((5, "Project design and RESULTS-based management"), (course.DurationDays, course.Description));
    }

    [Fact]
    public async Task ListCourses_WhenFiltersAreInvalid_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.ListCoursesAsync(new ListCoursesRequest
        {
            Text = "100%", Language = "eng", Theme = (CourseTheme)99, DeliveryMode = (DeliveryMode)99, TargetGroup = (ConstituentGroup)99,
        }).ResponseAsync, "text", "language", "theme", "delivery_mode", "target_group");

    [Fact]
    public async Task PublishCourse_WhenDetailsAreInvalid_ListsEveryField() =>
        await RpcAssert.InvalidFields(() => _client.PublishCourseAsync(new PublishCourseRequest
        {
            Code = "BAD-1", Title = "Bad", Description = new string('d', 4001), Themes = { CourseTheme.Unspecified },
            TargetGroups = { (ConstituentGroup)42 }, DeliveryModes = { DeliveryMode.Unspecified }, Languages = { "english" }, DurationDays = 400,
        }).ResponseAsync, "description", "themes", "target_groups", "delivery_modes", "languages", "duration_days");

    [Fact]
    public async Task ListCourses_ByEditionDates_MatchesCoursesWithAnEditionStartingInTheRangeNotCancelled()
    {
        var tcm = (await _client.ListCoursesAsync(new ListCoursesRequest { Text = "tcm-01" })).Courses.Single();
        var sd = (await _client.ListCoursesAsync(new ListCoursesRequest { Text = "sd-100" })).Courses.Single();
        await _client.ScheduleEditionAsync(TrainingCalls.Plan(tcm, year: 2032));
        await _client.ScheduleEditionAsync(TrainingCalls.Plan(tcm, year: 2033));
        var cancelled = await _client.ScheduleEditionAsync(TrainingCalls.Plan(sd, year: 2032));
        await _client.SetAsync(cancelled, EditionStatus.Cancelled);
        await _client.ScheduleEditionAsync(TrainingCalls.Plan(sd, year: 2034));

        Assert.Equal(["TCM-01"], await SearchAsync(new ListCoursesRequest { EditionStartsFrom = TrainingCalls.Day(2032, 1, 1), EditionStartsTo = TrainingCalls.Day(2032, 12, 31) }));
        Assert.Equal(["TCM-01"], await SearchAsync(new ListCoursesRequest { EditionStartsTo = TrainingCalls.Day(2032, 6, 2) }));
        Assert.Equal(["SD-100", "TCM-01"], await SearchAsync(new ListCoursesRequest { EditionStartsFrom = TrainingCalls.Day(2033, 6, 2) }));
        Assert.Equal(["SD-100"], await SearchAsync(new ListCoursesRequest { EditionStartsFrom = TrainingCalls.Day(2033, 1, 1), Language = "es" }));
        var none = await _client.ListCoursesAsync(new ListCoursesRequest { EditionStartsFrom = TrainingCalls.Day(2035, 1, 1) });
        Assert.Equal((0, ""), (none.TotalSize, none.NextPageToken));
        await RpcAssert.InvalidFields(() => _client.ListCoursesAsync(new ListCoursesRequest
        {
            EditionStartsFrom = TrainingCalls.Day(2032, 2, 30), EditionStartsTo = new Google.Type.Date { Year = 2032 },
        }).ResponseAsync, "edition_starts_from", "edition_starts_to");
        await RpcAssert.InvalidFields(() => _client.ListCoursesAsync(new ListCoursesRequest
        {
            EditionStartsFrom = TrainingCalls.Day(2032, 2, 3), EditionStartsTo = TrainingCalls.Day(2032, 2, 2),
        }).ResponseAsync, "edition_starts_to");
    }
}
