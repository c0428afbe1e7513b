using System.Globalization;
using LiteDB;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

/// <summary>
/// One LiteDB file per service. LiteDB ties transactions to threads and misbehaves under
/// concurrent use from many threads (reads were seen missing committed writes), so every
/// operation, read or write, runs synchronously through <see cref="Run{T}"/>, one at a time.
/// That also makes a save's version check and write atomic. It is the store for local runs and
/// tests, where one request at a time per service is plenty.
/// </summary>
public sealed class LiteDbDatabase : IDisposable
{
    public const string OutboxCollection = "outbox";
    public const string InboxCollection = "inbox";
    /// <summary>The relay lease.</summary>
    public const string StateCollection = "outbox_state";

    public LiteDbDatabase(string fileName)
    {
        Mapper = CreateMapper();
        var directory = Path.GetDirectoryName(Path.GetFullPath(fileName));
        if (directory is not null) Directory.CreateDirectory(directory);
        // LiteDB compares strings ignoring case by default; MongoDB does not. Ordinal keeps the
        // adapters interchangeable (queries and unique indexes match exactly in both).
        var ordinal = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);
        Database = new LiteDatabase(new ConnectionString { Filename = fileName, Connection = ConnectionType.Direct, Collation = ordinal }, Mapper);
        Database.GetCollection<OutboxMessage>(OutboxCollection).EnsureIndex(m => m.Sequence);
        Database.GetCollection(InboxCollection).EnsureIndex(InboxRecordedAtField);
    }

    private readonly Lock _gate = new();

    private LiteDatabase Database { get; }
    public BsonMapper Mapper { get; }

    public T Run<T>(Func<LiteDatabase, T> operation)
    {
        lock (_gate) return operation(Database);
    }

    /// <summary>Deletes inbox entries recorded before <paramref name="cutoff"/>; how many.</summary>
    public int PruneInbox(DateTime cutoff) =>
        Run(d => d.GetCollection(InboxCollection).DeleteMany(Query.LT(InboxRecordedAtField, new BsonValue(cutoff))));

    public const string InboxRecordedAtField = "at";

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        // LiteDB would store DateOnly as an object of its computed properties and DateTimeOffset
        // in local time; store both as UTC instants so queries and sorting behave.
        mapper.RegisterType(
            d => new BsonValue(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            v => DateOnly.FromDateTime(v.AsDateTime.ToUniversalTime()));
        mapper.RegisterType(
            d => new BsonValue(d.UtcDateTime),
            v => new DateTimeOffset(v.AsDateTime.ToUniversalTime(), TimeSpan.Zero));
        return mapper;
    }

    public void Dispose() => Database.Dispose();
}
