namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>
/// The receive queues this service's consumers read, learnt while MassTransit configures them, so
/// health, metrics and the operator's commands cover exactly the queues the service has.
/// </summary>
public sealed class ConsumerQueues
{
    private readonly HashSet<string> _names = [];
    private readonly Lock _gate = new();

    internal void Add(string queue)
    {
        lock (_gate) _names.Add(queue);
    }

    public IReadOnlyList<string> Names
    {
        get { lock (_gate) return _names.Order(StringComparer.Ordinal).ToList(); }
    }

    public bool Contains(string queue)
    {
        lock (_gate) return _names.Contains(queue);
    }

    /// <summary>Where MassTransit parks what failed every retry.</summary>
    public static string ErrorQueueOf(string queue) => queue + "_error";
}
