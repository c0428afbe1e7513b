namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// Base of everything the services persist. It carries the identity, the optimistic-concurrency
/// version the store checks on save, and the integration events raised since the last save, which
/// the store writes to the outbox in the same transaction as the state.
/// </summary>
public abstract class Aggregate
{
    private readonly List<object> _pendingEvents = [];

    public Guid Id { get; protected set; }

    /// <summary>0 until first saved; the store increments it on every save.</summary>
    public long Version { get; protected set; }

    /// <summary>Records an integration event to be published once this change is saved.</summary>
    protected void Raise(object integrationEvent) => _pendingEvents.Add(integrationEvent);

    // Methods, not properties, so that neither BSON mapper persists them as state.
    public IReadOnlyList<object> PendingEvents() => _pendingEvents;

    internal void MarkSaved(long version)
    {
        Version = version;
        _pendingEvents.Clear();
    }

    /// <summary>Restores the version a failed save had optimistically set.</summary>
    internal void RestoreVersion(long version) => Version = version;
}
