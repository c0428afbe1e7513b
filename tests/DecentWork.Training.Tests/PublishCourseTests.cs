using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace DecentWork.Training.Tests;

public class PublishCourseTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    [Fact]
    public async Task PublishCourse_WhenValid_ReturnsUpperCaseCodeAtVersionOne()
    {
        var code = TrainingFixture.NewCode("pcm");
        var course = await _client.PublishCourseAsync(new PublishCourseRequest { Code = code.ToLowerInvariant(), Title = " Project cycle management " });

        Assert.Equal(code, course.Code);
        Assert.Equal("Project cycle management", course.Title);
        Assert.Empty(course.LinkedProgrammeIds);
        Assert.Equal(1, course.Version);
        Assert.True(course.PublishedAt.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        var fetched = await _client.GetCourseAsync(new GetCourseRequest { Id = course.Id });
        Assert.Equal(course, fetched);
    }

    [Fact]
    public async Task PublishCourse_WhenEveryFieldIsWrong_ListsEveryField()
    {
        await RpcAssert.InvalidFields(() => _client.PublishCourseAsync(new PublishCourseRequest { Code = "A", Title = " " }).ResponseAsync,
            "code", "title");
        await RpcAssert.InvalidFields(() => _client.PublishCourseAsync(new PublishCourseRequest { Code = "A B", Title = new string('t', 301) }).ResponseAsync,
            "code", "title");
    }

    [Fact]
    public async Task PublishCourse_WhenCodeIsTakenInAnotherCase_AlreadyExistsNamingTheCode()
    {
        var code = TrainingFixture.NewCode("dup");
        await _client.PublishCourseAsync(new PublishCourseRequest { Code = code, Title = "Labour inspection" });

        var error = await RpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => _client.PublishCourseAsync(new PublishCourseRequest { Code = code.ToLowerInvariant(), Title = "Another title" }).ResponseAsync);
        Assert.Contains(code, error.Status.Detail);
    }

    [Fact]
    public async Task Store_WhenASecondCourseTakesACodeBehindTheLookupsBack_RefusesIt()
    {
        // Two concurrent publishes can both miss the lookup; the unique index is what stops the second.
        var store = fixture.Service.Services.GetRequiredService<IAggregateStore<Domain.Course>>();
        var code = TrainingFixture.NewCode("race");
        await store.SaveAsync(Domain.Course.Publish(code, "First", DateTimeOffset.UtcNow));

        await Assert.ThrowsAsync<DuplicateKeyException>(() => store.SaveAsync(Domain.Course.Publish(code.ToLowerInvariant(), "Second", DateTimeOffset.UtcNow)));
        Assert.Equal(1, await store.CountAsync(c => c.Code == code));
    }

    [Fact]
    public async Task GetCourse_WhenUnknownOrNotAUuid_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetCourseAsync(new GetCourseRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _client.GetCourseAsync(new GetCourseRequest { Id = "A901" }).ResponseAsync, "id");
    }
}
