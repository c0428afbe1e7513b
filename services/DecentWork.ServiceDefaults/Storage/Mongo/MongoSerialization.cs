using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// BSON conventions for the MongoDB adapter, kept here so the domain stays free of attributes:
/// GUIDs as standard UUIDs, money as Decimal128 (never double), instants as BSON dates.
/// The driver's registry is process-wide, so registration happens once.
/// </summary>
public static class MongoSerialization
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void RegisterConventions()
    {
        lock (Gate)
        {
            if (_registered) return;
            // Every type the platform persists, at every nesting level (outcomes, enrolments, history
            // entries...), skips a field it does not know instead of throwing: after a rollback, or
            // while a rolling deploy runs two releases, the other release's fields must not make a
            // document unreadable. The driver applies conventions to each class map it builds, so
            // this has to be registered before the first one.
            ConventionRegistry.Register("DecentWork: ignore unknown fields",
                new ConventionPack { new IgnoreExtraElementsConvention(true) }, IsPlatformType);
            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            BsonSerializer.TryRegisterSerializer(new DecimalSerializer(BsonType.Decimal128));
            BsonSerializer.TryRegisterSerializer(new DateTimeOffsetSerializer(BsonType.DateTime));
            BsonClassMap.TryRegisterClassMap<Aggregate>(map =>
            {
                map.AutoMap();
                map.MapIdMember(a => a.Id);
                map.MapMember(a => a.Version);
            });
            BsonClassMap.TryRegisterClassMap<OutboxMessage>(map =>
            {
                map.AutoMap();
                map.MapIdMember(m => m.Id);
            });
            BsonClassMap.TryRegisterClassMap<History.HistoryRecord>(map =>
            {
                map.AutoMap();
                map.MapIdMember(r => r.Id);
            });
            _registered = true;
        }
    }

    internal static bool IsPlatformType(Type type) => type.FullName?.StartsWith("DecentWork.", StringComparison.Ordinal) == true;

    /// <summary>Maps an aggregate type (its nested types follow the conventions above).</summary>
    public static void RegisterAggregate<T>() where T : Aggregate
    {
        RegisterConventions();
        BsonClassMap.TryRegisterClassMap<T>(map =>
        {
            map.AutoMap();
            map.SetIgnoreExtraElements(true);
        });
    }
}
