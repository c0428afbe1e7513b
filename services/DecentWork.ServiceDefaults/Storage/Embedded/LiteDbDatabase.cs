using System.Globalization;
using LiteDB;

namespace DecentWork.ServiceDefaults.Storage.Embedded;

/// <summary>
/// One LiteDB file per service. LiteDB transactions belong to a thread and its reads take no
/// lock, so every write runs synchronously under <see cref="WriteLock"/>: the version check and
/// the write cannot interleave with another save.
/// </summary>
public sealed class LiteDbDatabase : IDisposable
{
    public const string OutboxCollection = "outbox";
    public const string InboxCollection = "inbox";

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
    }

    public LiteDatabase Database { get; }
    public BsonMapper Mapper { get; }
    public object WriteLock { get; } = new();

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
