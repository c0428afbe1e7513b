using MongoDB.Bson;
using MongoDB.Driver;

namespace DecentWork.ServiceDefaults.Storage.Mongo;

/// <summary>
/// Every save is a transaction, and MongoDB runs transactions only on a replica-set primary (or
/// through mongos). A standalone server or a secondary would accept reads and fail every write,
/// so start-up and /health ask the server's <c>hello</c> and refuse anything else, saying why.
/// </summary>
public static class MongoTopology
{
    /// <summary>Null when the server can run the adapter's transactions; otherwise what is wrong, in plain words.</summary>
    public static string? ProblemWith(BsonDocument hello)
    {
        if (hello.TryGetValue("msg", out var msg) && msg.IsString && msg.AsString == "isdbgrid") return null; // mongos: transactions work
        if (!hello.TryGetValue("setName", out var setName))
            return "MongoDB is a standalone server, and the platform saves in transactions, which need a replica set: start mongod with " +
                   "--replSet <name> and run rs.initiate() once (a single-node replica set is enough).";
        var writable = hello.TryGetValue("isWritablePrimary", out var primary) ? primary.ToBoolean()
            : hello.TryGetValue("ismaster", out var legacy) && legacy.ToBoolean();
        if (!writable)
            return $"The MongoDB server is not the writable primary of replica set '{setName}' (it is a secondary, an arbiter, or " +
                   $"the set has no primary yet): connect with ?replicaSet={setName} and without directConnection, so the driver finds the primary.";
        return null;
    }

    public static async Task<string?> CheckAsync(IMongoDatabase database, CancellationToken cancellationToken) =>
        ProblemWith(await database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken));

    public static async Task RequireWritablePrimaryAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        if (await CheckAsync(database, cancellationToken) is { } problem) throw new InvalidOperationException(problem);
    }
}
