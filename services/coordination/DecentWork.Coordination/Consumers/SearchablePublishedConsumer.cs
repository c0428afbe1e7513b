using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Events.Training;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// Keeps the search's view of TC projects and courses from partnerships' and training's events,
/// the newest state of each (see <see cref="NewestState"/>).
/// </summary>
public sealed class SearchablePublishedConsumer(IAggregateStore<KnownSearchable> searchables)
    : IConsumer<ProjectPublished>, IConsumer<CoursePublished>
{
    public Task Consume(ConsumeContext<ProjectPublished> context) => KeepAsync(context, KnownSearchable.From(context.Message));

    public Task Consume(ConsumeContext<CoursePublished> context) => KeepAsync(context, KnownSearchable.From(context.Message));

    private Task KeepAsync(ConsumeContext context, KnownSearchable published) =>
        NewestState.KeepAsync(searchables, context, nameof(SearchablePublishedConsumer), published, (known, newer) => known.Replace(newer));
}
