using DecentWork.ServiceDefaults.Storage.Mongo;
using MongoDB.Bson;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>The start-up and health check against <c>hello</c> answers as MongoDB 8 gives them.</summary>
public sealed class MongoTopologyTests
{
    [Fact]
    public void ProblemWith_WhenStandaloneServer_RefusesAndSaysAReplicaSetIsNeeded()
    {
        var hello = BsonDocument.Parse("{ isWritablePrimary : true, topologyVersion : { counter : NumberLong(0) }, maxBsonObjectSize : 16777216, " +
                                       "minWireVersion : 0, maxWireVersion : 25, readOnly : false, ok : 1.0 }");

        var problem = MongoTopology.ProblemWith(hello);

        Assert.NotNull(problem);
        Assert.Contains("standalone", problem);
        Assert.Contains("replica set", problem);
    }

    [Fact]
    public void ProblemWith_WhenReplicaSetPrimary_AcceptsIt()
    {
        var hello = BsonDocument.Parse("{ hosts : ['mongo:27017'], setName : 'rs0', setVersion : 1, isWritablePrimary : true, secondary : false, " +
                                       "primary : 'mongo:27017', me : 'mongo:27017', maxWireVersion : 25, ok : 1.0 }");

        Assert.Null(MongoTopology.ProblemWith(hello));
    }

    [Fact]
    public void ProblemWith_WhenReplicaSetSecondary_RefusesAndNamesTheSet()
    {
        var hello = BsonDocument.Parse("{ hosts : ['a:27017', 'b:27017'], setName : 'rs0', isWritablePrimary : false, secondary : true, " +
                                       "primary : 'a:27017', me : 'b:27017', ok : 1.0 }");

        var problem = MongoTopology.ProblemWith(hello);

        Assert.NotNull(problem);
        Assert.Contains("not the writable primary", problem);
        Assert.Contains("replicaSet=rs0", problem);
    }

    [Fact]
    public void ProblemWith_WhenOlderServerAnswersWithIsMaster_ReadsTheLegacyFlag()
    {
        Assert.Null(MongoTopology.ProblemWith(BsonDocument.Parse("{ setName : 'rs0', ismaster : true, ok : 1.0 }")));
        Assert.NotNull(MongoTopology.ProblemWith(BsonDocument.Parse("{ setName : 'rs0', ismaster : false, secondary : true, ok : 1.0 }")));
    }

    [Fact]
    public void ProblemWith_WhenMongosRouter_AcceptsIt()
    {
        Assert.Null(MongoTopology.ProblemWith(BsonDocument.Parse("{ isWritablePrimary : true, msg : 'isdbgrid', maxWireVersion : 25, ok : 1.0 }")));
    }
}
