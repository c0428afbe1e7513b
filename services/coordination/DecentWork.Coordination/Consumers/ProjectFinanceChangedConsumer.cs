using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// Keeps the region comparison's budget and expenditure from partnerships' ProjectFinanceChanged:
/// the first state of a budget book or transaction creates its view (once, by id), a newer one
/// replaces it, an older or repeated one is ignored. A save that loses a race fails the message and
/// MassTransit retries it against the winner.
/// </summary>
public sealed class ProjectFinanceChangedConsumer(IAggregateStore<KnownFinance> finances) : IConsumer<ProjectFinanceChanged>
{
    public async Task Consume(ConsumeContext<ProjectFinanceChanged> context)
    {
        var published = KnownFinance.From(context.Message);
        var inbox = new ProcessedMessage(nameof(ProjectFinanceChangedConsumer), context.MessageId ?? published.Id);
        if (await finances.FindAsync(published.Id, context.CancellationToken) is { } known)
        {
            if (known.Replace(published)) await finances.SaveAsync(known, inbox, context.CancellationToken);
        }
        else if (!await finances.AddOnceAsync(published, inbox, context.CancellationToken))
        {
            throw new InvalidOperationException($"Finance record {published.Id} was added meanwhile; this event will be retried against it.");
        }
    }
}
