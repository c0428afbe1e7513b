using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;

namespace DecentWork.Training.Tests;

/// <summary>Its own service instance (class fixture) and only this class publishes in it, so counts are exact.</summary>
public class ListCoursesTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task ListCourses_OrdersByCodeAndPages()
    {
        // Published out of order and in mixed case: the list follows the stored upper-case code.
        foreach (var code in new[] { "C300", "a100", "E500", "b200", "D400" })
            await _client.PublishCourseAsync(new PublishCourseRequest { Code = code, Title = $"Course {code}" });

        var first = await _client.ListCoursesAsync(new ListCoursesRequest { PageSize = 2 });
        var second = await _client.ListCoursesAsync(new ListCoursesRequest { PageSize = 2, PageToken = first.NextPageToken });
        var third = await _client.ListCoursesAsync(new ListCoursesRequest { PageSize = 2, PageToken = second.NextPageToken });

        Assert.Equal(5, first.TotalSize);
        Assert.Equal("", third.NextPageToken);
        var codes = first.Courses.Concat(second.Courses).Concat(third.Courses).Select(c => c.Code);
        Assert.Equal(["A100", "B200", "C300", "D400", "E500"], codes);

        var all = await _client.ListCoursesAsync(new ListCoursesRequest());
        Assert.Equal(5, all.Courses.Count);
        Assert.Equal("", all.NextPageToken);
    }

    [Fact]
    public async Task ListCourses_WhenPageSizeOrTokenIsBad_IsInvalid() =>
        await RpcAssert.InvalidFields(
            () => _client.ListCoursesAsync(new ListCoursesRequest { PageSize = -1, PageToken = "garbage" }).ResponseAsync,
            "page_size", "page_token");
}
