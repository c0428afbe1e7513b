namespace DecentWork.ServiceDefaults.Storage.History;

/// <summary>
/// Who is making the changes saved in the current call, and through what: set once per gRPC call
/// (from the validated token) and once per consumed message, read by the store when it writes a
/// history record. Saves outside both (start-up migrations, background work) are "system".
/// </summary>
public sealed record ChangeActor(string Subject, string Name, string Action)
{
    /// <summary>Start-up migrations and anything else no caller or message asked for.</summary>
    public static readonly ChangeActor System = new("system", "system", "migration");

    /// <summary>
    /// The actor of a save that records <paramref name="message"/> in the inbox: the consumer and
    /// the message it applied, with the event's name when the consume filter set it.
    /// </summary>
    public static ChangeActor For(ProcessedMessage? message)
    {
        var ambient = ChangeContext.Current;
        if (message is null) return ambient ?? System;
        return new ChangeActor($"consumer:{message.Consumer}", $"{message.Consumer} (message {message.MessageId:D})", ambient?.Action ?? message.Consumer);
    }
}

/// <summary>The ambient <see cref="ChangeActor"/>: flows with the async call, like the trace context.</summary>
public static class ChangeContext
{
    private static readonly AsyncLocal<ChangeActor?> Ambient = new();

    public static ChangeActor? Current => Ambient.Value;

    /// <summary>Makes <paramref name="actor"/> the author of saves until the result is disposed, then restores the one before.</summary>
    public static IDisposable Use(ChangeActor actor)
    {
        var before = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(before);
    }

    private sealed class Restore(ChangeActor? before) : IDisposable
    {
        public void Dispose() => Ambient.Value = before;
    }
}

/// <summary>
/// Keeps a property out of every history record (its changes are neither listed nor shown): for
/// anything that must never be copied into the audit trail, such as a secret or a token.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotInHistoryAttribute : Attribute;

/// <summary>
/// Marks a string property as personal data (a participant's name, an e-mail address): every
/// history record shows it as "(personal data)" instead of its value, so the audit trail, which is
/// never pruned, keeps no copy of it. The record still says who changed the aggregate and when;
/// a change of such a field alone lists no path, since both sides read the same.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute
{
    public const string Redacted = "(personal data)";
}
