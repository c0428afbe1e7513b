using System.Linq.Expressions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Index definitions and their creation. Every index has a fixed name ("Field_1"), so a release
/// that changes an index's options (unique, partial, TTL) finds the old one by name and replaces it
/// instead of failing start-up with IndexOptionsConflict.
/// </summary>
public static class MongoIndexes
{
    private const int IndexNotFound = 27;
    private const int IndexOptionsConflict = 85;
    private const int IndexKeySpecsConflict = 86;

    public static CreateIndexModel<T> Define<T>(IndexKeysDefinition<T> keys, string name, CreateIndexOptions? options = null)
    {
        options ??= new CreateIndexOptions();
        options.Name = name;
        return new CreateIndexModel<T>(keys, options);
    }

    /// <summary>
    /// The index a service declared. A unique index is partial: only documents that have a real
    /// key take part (a non-empty string; for other types, the field exists). MongoDB counts a
    /// missing field as null, so without this, documents written before the key existed collide
    /// with each other and the index cannot even be built.
    /// </summary>
    public static CreateIndexModel<T> For<T>(StoreIndex<T> index)
    {
        var (field, type) = FieldOf(index.Field);
        var options = new CreateIndexOptions<T> { Name = $"{field}_1", Unique = index.Unique };
        if (index.Unique)
            options.PartialFilterExpression = type == typeof(string)
                ? new BsonDocument(field, new BsonDocument("$gt", ""))
                : new BsonDocument(field, new BsonDocument("$exists", true));
        return new CreateIndexModel<T>(Builders<T>.IndexKeys.Ascending(field), options);
    }

    /// <summary>The element name and CLR type of an index's field (class maps keep member names).</summary>
    public static (string Field, Type Type) FieldOf<T>(Expression<Func<T, object>> field)
    {
        var body = field.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : field.Body;
        var path = new Stack<string>();
        var type = body.Type;
        while (body is MemberExpression member)
        {
            path.Push(member.Member.Name);
            body = member.Expression!;
        }
        return (string.Join('.', path), type);
    }

    /// <summary>Creates the index, or replaces one of the same name or keys whose options differ. Idempotent.</summary>
    public static async Task EnsureAsync<T>(IMongoCollection<T> collection, CreateIndexModel<T> model, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await collection.Indexes.CreateOneAsync(model, cancellationToken: cancellationToken);
                return;
            }
            catch (MongoCommandException ex) when (ex.Code is IndexOptionsConflict or IndexKeySpecsConflict && attempt < 3)
            {
                // An older release's index. Between the drop and the create the collection runs
                // without it for a moment; a second instance doing the same finds the new index
                // (create is then a no-op) or nothing to drop.
                await DropConflictingAsync(collection, model, cancellationToken);
            }
        }
    }

    private static async Task DropConflictingAsync<T>(IMongoCollection<T> collection, CreateIndexModel<T> model, CancellationToken cancellationToken)
    {
        var name = model.Options.Name;
        var keys = model.Keys.Render(new RenderArgs<T>(collection.DocumentSerializer, collection.Settings.SerializerRegistry));
        var existing = await (await collection.Indexes.ListAsync(cancellationToken)).ToListAsync(cancellationToken);
        foreach (var index in existing.Where(i => i["name"].AsString == name || i["key"].AsBsonDocument.Equals(keys)))
        {
            try
            {
                await collection.Indexes.DropOneAsync(index["name"].AsString, cancellationToken);
            }
            catch (MongoCommandException ex) when (ex.Code == IndexNotFound)
            {
                // Another instance replaced it first.
            }
        }
    }
}
