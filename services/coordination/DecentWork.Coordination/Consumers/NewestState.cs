using DecentWork.ServiceDefaults.Storage;
using MassTransit;

namespace DecentWork.Coordination.Consumers;

/// <summary>
/// How this service keeps a view of what another service publishes whole with a revision
/// (ProjectPublished, CoursePublished, ProjectFinanceChanged): the first state creates it (once, by
/// id), a newer one replaces it, an older or repeated one is ignored. A save that loses a race fails
/// the message and MassTransit retries it against the winner.
/// </summary>
internal static class NewestState
{
    /// <param name="consumer">The consumer's name, which keys its inbox.</param>
    /// <param name="replace">Takes the newer state into the one held; false when it is not newer (nothing to save).</param>
    public static async Task KeepAsync<T>(IAggregateStore<T> store, ConsumeContext context, string consumer, T published, Func<T, T, bool> replace)
        where T : Aggregate
    {
        var inbox = new ProcessedMessage(consumer, context.MessageId ?? published.Id);
        if (await store.FindAsync(published.Id, context.CancellationToken) is { } known)
        {
            if (replace(known, published)) await store.SaveAsync(known, inbox, context.CancellationToken);
        }
        else if (!await store.AddOnceAsync(published, inbox, context.CancellationToken))
        {
            throw new InvalidOperationException($"{published.Id} was added meanwhile; this event will be retried against it.");
        }
    }
}
