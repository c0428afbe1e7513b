namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// Wakes the relay as soon as a save wrote outbox messages, so events leave within milliseconds
/// instead of waiting for the next poll. The poll remains the guarantee; this is only latency.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try { _pending.Release(); }
        catch (SemaphoreFullException) { /* already signalled: one wake-up is enough */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
