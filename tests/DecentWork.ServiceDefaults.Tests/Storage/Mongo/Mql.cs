using System.Linq.Expressions;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.ServiceDefaults.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>
/// Renders store filters, sorts and indexes to MongoDB query language exactly as
/// <see cref="MongoAggregateStore{T}"/> hands them to the driver (Find(expression), SortBy(key),
/// MongoIndexes.For), through the class maps the adapter registers. No server is involved.
/// </summary>
public static class Mql
{
    public static BsonDocument Render<T>(Expression<Func<T, bool>> filter) where T : Aggregate =>
        Builders<T>.Filter.Where(filter).Render(Args<T>());

    public static BsonDocument RenderSort<T>(SortOrder<T> order) where T : Aggregate =>
        (order.Descending ? Builders<T>.Sort.Descending(order.Key) : Builders<T>.Sort.Ascending(order.Key)).Render(Args<T>());

    public static (BsonDocument Keys, BsonDocument Options) RenderIndex<T>(StoreIndex<T> index) where T : Aggregate
    {
        var model = MongoIndexes.For(index);
        var options = (CreateIndexOptions<T>)model.Options;
        var rendered = new BsonDocument { ["name"] = options.Name, ["unique"] = options.Unique ?? false };
        if (options.PartialFilterExpression is { } partial) rendered["partialFilterExpression"] = partial.Render(Args<T>());
        return (model.Keys.Render(Args<T>()), rendered);
    }

    private static RenderArgs<T> Args<T>() where T : Aggregate
    {
        MongoSerialization.RegisterAggregate<T>();
        return new RenderArgs<T>(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);
    }

    /// <summary>Parses the expected MQL in shell syntax (UUID("..."), ISODate("..."), NumberDecimal("...")).</summary>
    public static BsonDocument Expect(string shell) => BsonDocument.Parse(shell);
}
