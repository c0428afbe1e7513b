using System.Text.Json;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>
/// An integration event waiting to be published. Stored in the same transaction as the state
/// change that raised it; the relay deletes it only after the broker confirmed the publish.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    /// <summary>Full CLR type name, resolved against the contracts assembly when relayed.</summary>
    public string MessageType { get; set; } = "";
    /// <summary>
    /// Publish order, in commit order: the store numbers a save's events inside its transaction
    /// (after every event committed before), in the order they were raised. Messages written by
    /// earlier releases carry clock ticks; the numbering starts above them.
    /// </summary>
    public long Sequence { get; set; }
    public string Payload { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>W3C traceparent of the request that raised it, so the trace spans the broker.</summary>
    public string? TraceParent { get; set; }

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>The messages of one save, numbered 0, 1... until the store gives them their sequence.</summary>
    public static List<OutboxMessage> ForAll(IEnumerable<object> integrationEvents, string? traceParent) =>
        integrationEvents.Select((e, position) => For(e, traceParent, position)).ToList();

    private static OutboxMessage For(object integrationEvent, string? traceParent, long sequence) => new()
    {
        Id = Guid.NewGuid(),
        Sequence = sequence,
        MessageType = integrationEvent.GetType().FullName!,
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), PayloadJson),
        CreatedAtUtc = DateTime.UtcNow,
        TraceParent = traceParent,
    };

    public object Deserialize(Type type) => JsonSerializer.Deserialize(Payload, type, PayloadJson)!;
}

/// <summary>The relay's side of the outbox.</summary>
public interface IOutbox
{
    Task<IReadOnlyList<OutboxMessage>> PeekAsync(int max, CancellationToken cancellationToken);
    Task RemoveAsync(Guid id, CancellationToken cancellationToken);
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the relay lease for <paramref name="duration"/>, or renews it when
    /// <paramref name="holder"/> has it already; false while another holder's lease runs. Only the
    /// holder publishes, so with several instances each event leaves once and in order; when the
    /// holder dies, its lease runs out and another relay carries on from the first unremoved message.
    /// </summary>
    Task<bool> TryHoldLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Ends the holder's lease now (a clean stop), so another relay need not wait for it to run out.</summary>
    Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken);
}
