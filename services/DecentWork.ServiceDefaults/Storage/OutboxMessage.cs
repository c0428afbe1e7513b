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
    /// <summary>Publish order: ticks at write time plus the event's position within its save, so
    /// the events of one save keep their order even where the store keeps only milliseconds.</summary>
    public long Sequence { get; set; }
    public string Payload { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>W3C traceparent of the request that raised it, so the trace spans the broker.</summary>
    public string? TraceParent { get; set; }

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    public static List<OutboxMessage> ForAll(IEnumerable<object> integrationEvents, string? traceParent)
    {
        var ticks = DateTime.UtcNow.Ticks;
        return integrationEvents.Select((e, position) => For(e, traceParent, ticks + position)).ToList();
    }

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
}
