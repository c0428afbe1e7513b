using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.Messaging.Operations;

public enum OperatorActionKind
{
    Replay = 1,
    Discard = 2,
    Backup = 3,
}

/// <summary>
/// Something an operator did to a service's messaging or store: who, when, to what, and why. Kept
/// in the service's own store (collection operator_actions) and never changed after it is written.
/// A discard keeps the message's type and body, so nothing leaves an _error queue untraced.
/// </summary>
public sealed class OperatorAction : Aggregate
{
    private OperatorAction() { }

    public OperatorActionKind Kind { get; private set; }
    public string PerformedBy { get; private set; } = "";
    public DateTimeOffset PerformedAt { get; private set; }
    public string Queue { get; private set; } = "";
    public string MessageId { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public string MessageType { get; private set; } = "";
    public string MessageBody { get; private set; } = "";
    /// <summary>Newest first: inverted ticks, then the id, one unique key for both stores.</summary>
    public string SortKey { get; private set; } = "";

    public static OperatorAction OnMessage(OperatorActionKind kind, ParkedMessage message, string performedBy, DateTimeOffset at, string reason) =>
        Record(kind, performedBy, at, message.Queue, message.MessageId, reason,
            message.MessageType, kind == OperatorActionKind.Discard ? message.Body : "");

    public static OperatorAction OnStore(OperatorActionKind kind, string performedBy, DateTimeOffset at, string detail) =>
        Record(kind, performedBy, at, "", "", detail, "", "");

    private static OperatorAction Record(OperatorActionKind kind, string performedBy, DateTimeOffset at, string queue, string messageId,
        string detail, string messageType, string messageBody)
    {
        var id = Guid.NewGuid();
        return new OperatorAction
        {
            Id = id,
            Kind = kind,
            PerformedBy = performedBy,
            PerformedAt = at,
            Queue = queue,
            MessageId = messageId,
            Detail = detail,
            MessageType = messageType,
            MessageBody = messageBody,
            SortKey = $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}|{id:N}",
        };
    }
}
