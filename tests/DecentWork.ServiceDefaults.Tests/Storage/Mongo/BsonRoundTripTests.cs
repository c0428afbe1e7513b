using System.Text.Json;
using DecentWork.ServiceDefaults.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>
/// Every aggregate of the four services through the class maps the MongoDB adapter registers,
/// with the real driver and no server: written with every field set, checked element by element
/// (money as Decimal128, GUIDs as standard UUIDs, instants as dates), read back unchanged, and
/// still readable when the stored document carries fields the type no longer has, at every level.
/// </summary>
public sealed class BsonRoundTripTests
{
    public static TheoryData<Type> Types() => PersistedTypes.Theory();

    [Fact]
    public void PersistedTypes_WhenDiscovered_AreTheThirtyTwoAggregatesOfTheFourServicesAndTheOperatorLog()
    {
        // A pin, on purpose: a new persisted type must be seen here (and so gets the round trip below).
        Assert.Equal(32, PersistedTypes.All.Length);
        Assert.Contains(typeof(DecentWork.ServiceDefaults.Messaging.Operations.OperatorAction), PersistedTypes.All);
        Assert.Contains(typeof(DecentWork.Programming.Domain.FundingContribution), PersistedTypes.All);
        Assert.Contains(typeof(DecentWork.Partnerships.Domain.Finance.FinancialTransaction), PersistedTypes.All);
        Assert.Contains(typeof(DecentWork.Coordination.Domain.Knowledge.KnownSearchable), PersistedTypes.All);
        Assert.Contains(typeof(DecentWork.Coordination.Domain.Knowledge.KnownFinance), PersistedTypes.All);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void RoundTrip_WhenEveryFieldIsSet_ReadsBackTheSameAggregate(Type type)
    {
        var original = Sample(type);

        var document = Write(type, original);
        var read = Read(type, document);

        Assert.Equal(Json(type, original), Json(type, read));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Write_WhenEveryFieldIsSet_StoresEachMemberWithItsBsonType(Type type)
    {
        var document = Write(type, Sample(type));

        var problems = BsonShape.Problems(type, document, type.Name);

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Read_WhenTheDocumentHasFieldsTheTypeNoLongerHas_IgnoresThemAtEveryLevel(Type type)
    {
        var original = Sample(type);
        var document = Write(type, original);
        var nested = HasNestedDocuments(document);
        var added = BsonShape.AddUnknownFieldEverywhere(document);

        var read = Read(type, document);

        Assert.True(added > 1 || !nested, $"only {added} documents got an unknown field");
        Assert.Equal(Json(type, original), Json(type, read));
    }

    internal static object Sample(Type type)
    {
        Register(type);
        return new SampleValues().Create(type);
    }

    /// <summary>What MongoAggregateStore's constructor does for its aggregate type.</summary>
    internal static void Register(Type type) =>
        typeof(MongoSerialization).GetMethod(nameof(MongoSerialization.RegisterAggregate))!.MakeGenericMethod(type).Invoke(null, null);

    internal static BsonDocument Write(Type type, object value)
    {
        var document = new BsonDocument();
        using (var writer = new BsonDocumentWriter(document))
            BsonSerializer.Serialize(writer, type, value);
        return document;
    }

    internal static object Read(Type type, BsonDocument document) => BsonSerializer.Deserialize(document, type);

    private static readonly JsonSerializerOptions Compare = new() { WriteIndented = true };

    // The public surface the services read, as text: equal text means nothing was lost or changed.
    private static string Json(Type type, object value) => JsonSerializer.Serialize(value, type, Compare);

    private static bool HasNestedDocuments(BsonDocument document) =>
        document.Values.Any(v => v.IsBsonDocument || (v.IsBsonArray && v.AsBsonArray.Any(i => i.IsBsonDocument)));

}
