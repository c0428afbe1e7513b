using System.Collections.Concurrent;
using DecentWork.Testing;
using MassTransit;

namespace DecentWork.Training.Tests;

/// <summary>
/// Watches the service's consumers finish (or fail) each delivery, so a test can wait for a
/// message to be handled instead of sleeping, and see a fault before it reaches the _error queue.
/// </summary>
public sealed class ConsumedMessages<T> : IConsumeMessageObserver<T> where T : class
{
    private readonly ConcurrentQueue<Guid?> _consumed = new();
    private readonly ConcurrentQueue<(Guid? MessageId, Exception Error)> _faults = new();

    public int ConsumedCount(Guid messageId) => _consumed.Count(id => id == messageId);
    public IReadOnlyList<Exception> Faults(Guid messageId) => _faults.Where(f => f.MessageId == messageId).Select(f => f.Error).ToList();

    /// <summary>Waits until a message was handled this many times, or stops early at its first fault.</summary>
    public Task HandledAsync(Guid messageId, int times = 1) => Eventually.Until(
        () => Task.FromResult((Consumed: ConsumedCount(messageId), Faulted: Faults(messageId).Count)),
        n => n.Consumed >= times || n.Faulted > 0,
        what: $"message {messageId} to be handled {times} time(s)");

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        _consumed.Enqueue(context.MessageId);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception)
    {
        _faults.Enqueue((context.MessageId, exception));
        return Task.CompletedTask;
    }
}
