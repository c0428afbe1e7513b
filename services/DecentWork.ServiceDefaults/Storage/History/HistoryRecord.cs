namespace DecentWork.ServiceDefaults.Storage.History;

/// <summary>
/// One saved version of one aggregate and what it changed, written by the store in the save's
/// transaction. Both adapters keep every record of a service in one collection, keyed
/// "kind/id/version" (see <see cref="HistoryKeys"/>), so the key index alone serves a page.
/// </summary>
public sealed class HistoryRecord
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public Guid AggregateId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorSubject { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public List<FieldChange> Changes { get; set; } = [];

    /// <summary>The record of saving <paramref name="after"/> as <paramref name="version"/> over <paramref name="before"/> (null when new).</summary>
    public static HistoryRecord Of<T>(T? before, T after, long version, ChangeActor actor, DateTimeOffset at) where T : Aggregate
    {
        var kind = HistoryKeys.KindOf<T>();
        return new HistoryRecord
        {
            Id = HistoryKeys.Of(kind, after.Id, version),
            Kind = kind,
            AggregateId = after.Id,
            Version = version,
            // Millisecond precision: what both stores keep, so a record reads back as written.
            At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero),
            ActorSubject = actor.Subject,
            ActorName = actor.Name,
            Action = actor.Action,
            Changes = HistoryDiff.Between(before, after),
        };
    }
}

/// <summary>One changed field: its readable path and its old and new values as short text (null when absent).</summary>
public sealed class FieldChange
{
    public string Path { get; set; } = "";
    public string? Old { get; set; }
    public string? New { get; set; }
}

/// <summary>
/// The history collection's keys. The version is zero-padded, so the records of one aggregate sort
/// by version and sit in one key range: a page is a range scan, in either store.
/// </summary>
public static class HistoryKeys
{
    public const string Collection = "history";

    public static string KindOf<T>() => typeof(T).Name;

    public static string Of(string kind, Guid id, long version) => $"{Prefix(kind, id)}{version:D19}";

    public static string Prefix(string kind, Guid id) => $"{kind}/{id:N}/";

    /// <summary>Just past every key of the prefix (':' sorts after the digits).</summary>
    public static string End(string kind, Guid id) => $"{kind}/{id:N}:";
}
