using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Events.Training;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// Keeps the search's view of TC projects and courses from partnerships' and training's events:
/// the first creates it (once, by id), a newer one replaces it, an older or repeated one is ignored.
/// A save that loses a race fails the message and MassTransit retries it against the winner.
/// </summary>
public sealed class SearchablePublishedConsumer(IAggregateStore<KnownSearchable> searchables)
    : IConsumer<ProjectPublished>, IConsumer<CoursePublished>
{
    public Task Consume(ConsumeContext<ProjectPublished> context) => KeepAsync(context, KnownSearchable.From(context.Message));

    public Task Consume(ConsumeContext<CoursePublished> context) => KeepAsync(context, KnownSearchable.From(context.Message));

    private async Task KeepAsync(ConsumeContext context, KnownSearchable published)
    {
        var inbox = new ProcessedMessage(nameof(SearchablePublishedConsumer), context.MessageId ?? published.Id);
        if (await searchables.FindAsync(published.Id, context.CancellationToken) is { } known)
        {
            if (known.Replace(published)) await searchables.SaveAsync(known, inbox, context.CancellationToken);
        }
        else if (!await searchables.AddOnceAsync(published, inbox, context.CancellationToken))
        {
            throw new InvalidOperationException($"{published.Id} was added meanwhile; this event will be retried against it.");
        }
    }
}
