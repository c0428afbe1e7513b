using DecentWork.Contracts.Events.Programming;
using DecentWork.Contracts.Training.V1;
using DecentWork.Testing;
using Grpc.Core;
using MassTransit;

namespace DecentWork.Training.Tests;

public class ProgrammeRegisteredConsumerTests(TrainingFixture fixture) : IClassFixture<TrainingFixture>
{
    private readonly TrainingService.TrainingServiceClient _client = new(fixture.Service.Channel);

    private Task<long> StoredCount(Guid programmeId) => fixture.KnownProgrammes.CountAsync(p => p.Id == programmeId);

    /// <summary>The link, or null while training has not heard of the programme yet.</summary>
    private async Task<Course?> TryLinkAsync(Course course, Guid programmeId)
    {
        try
        {
            return await _client.LinkCourseToProgrammeAsync(new LinkCourseToProgrammeRequest { CourseId = course.Id, ProgrammeId = programmeId.ToString() });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            return null;
        }
    }

    [Fact]
    public async Task ProgrammeRegistered_WhenDeliveredTwice_IsStoredOnceAndCanBeLinked()
    {
        var course = await _client.PublishCourseAsync(new PublishCourseRequest { Code = TrainingFixture.NewCode("evt"), Title = "Skills for trade" });
        var registered = TrainingFixture.Registered("KHM", "DWCP Cambodia");
        var messageId = Guid.NewGuid();
        var observer = new ConsumedMessages<ProgrammeRegistered>();
        using var _ = fixture.Bus.ConnectConsumeMessageObserver(observer);

        // The same message id twice is what a relay crash between publish and delete produces.
        await fixture.Bus.Publish(registered, ctx => ctx.MessageId = messageId);
        await fixture.Bus.Publish(registered, ctx => ctx.MessageId = messageId);

        var linked = await Eventually.Until(() => TryLinkAsync(course, registered.ProgrammeId), c => c is not null, what: "the programme to become linkable");
        Assert.Equal([registered.ProgrammeId.ToString()], linked!.LinkedProgrammeIds);
        await observer.HandledAsync(messageId, times: 2);

        Assert.Empty(observer.Faults(messageId));
        Assert.Equal(2, observer.ConsumedCount(messageId));
        Assert.Equal(1, await StoredCount(registered.ProgrammeId));
        var stored = await fixture.KnownProgrammes.FindAsync(registered.ProgrammeId);
        Assert.Equal(("KHM", "DWCP Cambodia", 1L), (stored!.CountryCode, stored.Title, stored.Version));
    }

    [Fact]
    public async Task ProgrammeRegistered_WhenRepublishedUnderAnotherMessageId_IsANoOpNotAFault()
    {
        var registered = TrainingFixture.Registered("NPL", "DWCP Nepal");
        var observer = new ConsumedMessages<ProgrammeRegistered>();
        using var _ = fixture.Bus.ConnectConsumeMessageObserver(observer);
        var first = Guid.NewGuid();
        await fixture.Bus.Publish(registered, ctx => ctx.MessageId = first);
        await observer.HandledAsync(first);

        // An outbox replay gives the same event a new message id, so the inbox cannot catch it.
        var replay = Guid.NewGuid();
        await fixture.Bus.Publish(registered with { Title = "DWCP Nepal (replayed)" }, ctx => ctx.MessageId = replay);
        await observer.HandledAsync(replay);

        Assert.Empty(observer.Faults(replay));
        Assert.Equal(1, observer.ConsumedCount(replay));
        Assert.Equal(1, await StoredCount(registered.ProgrammeId));
        var stored = await fixture.KnownProgrammes.FindAsync(registered.ProgrammeId);
        Assert.Equal(("DWCP Nepal", 1L), (stored!.Title, stored.Version));
    }
}
