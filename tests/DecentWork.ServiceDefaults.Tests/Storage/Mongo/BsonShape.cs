using System.Collections;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>Checks a written document against the class maps the driver built, member by member, at every level.</summary>
public static class BsonShape
{
    public static List<string> Problems(Type type, BsonDocument document, string path)
    {
        var problems = new List<string>();
        Check(type, document, path, problems);
        return problems;
    }

    private static void Check(Type type, BsonDocument document, string path, List<string> problems)
    {
        var map = BsonClassMap.LookupClassMap(type);
        if (map.AllMemberMaps.Count == 0) problems.Add($"{path}: the class map of {type.Name} maps no member");
        foreach (var member in map.AllMemberMaps)
        {
            var at = $"{path}.{member.ElementName}";
            if (!document.TryGetValue(member.ElementName, out var value)) problems.Add($"{at} is missing");
            else CheckValue(member.MemberType, value, at, problems);
        }
    }

    private static void CheckValue(Type type, BsonValue value, string at, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (value.IsBsonNull)
        {
            problems.Add($"{at} is null although it was set");
            return;
        }
        var expected = Expected(type);
        if (expected is { } bsonType)
        {
            if (value.BsonType != bsonType) problems.Add($"{at} ({type.Name}) is {value.BsonType}, expected {bsonType}");
            else if (type == typeof(Guid) && value.AsBsonBinaryData.SubType != BsonBinarySubType.UuidStandard)
                problems.Add($"{at} is a {value.AsBsonBinaryData.SubType} GUID, expected a standard UUID");
            return;
        }
        if (ElementType(type) is { } element)
        {
            if (!value.IsBsonArray) problems.Add($"{at} ({type.Name}) is {value.BsonType}, expected Array");
            else if (value.AsBsonArray.Count == 0) problems.Add($"{at} is an empty array although it was filled");
            else for (var i = 0; i < value.AsBsonArray.Count; i++) CheckValue(element, value.AsBsonArray[i], $"{at}[{i}]", problems);
            return;
        }
        if (!value.IsBsonDocument) problems.Add($"{at} ({type.Name}) is {value.BsonType}, expected Document");
        else Check(type, value.AsBsonDocument, at, problems);
    }

    private static BsonType? Expected(Type type) =>
        type == typeof(decimal) ? BsonType.Decimal128
        : type == typeof(Guid) ? BsonType.Binary
        : type == typeof(string) ? BsonType.String
        : type == typeof(bool) ? BsonType.Boolean
        : type == typeof(int) || type.IsEnum ? BsonType.Int32
        : type == typeof(long) ? BsonType.Int64
        : type == typeof(double) ? BsonType.Double
        : type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) ? BsonType.DateTime
        : null;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0]
        : null;

    /// <summary>Adds a field no type has (a value and a sub-document) to the document and every document inside it; how many got one.</summary>
    public static int AddUnknownFieldEverywhere(BsonDocument document)
    {
        var nested = document.Values.SelectMany(Documents).ToList();
        document["zzFieldFromAnotherRelease"] = "kept by a newer release";
        document["zzNestedFromAnotherRelease"] = new BsonDocument { ["Reason"] = "renamed", ["Amount"] = new BsonDecimal128(1.5m) };
        return 1 + nested.Sum(AddUnknownFieldEverywhere);
    }

    private static IEnumerable<BsonDocument> Documents(BsonValue value) =>
        value.IsBsonDocument ? [value.AsBsonDocument]
        : value.IsBsonArray ? value.AsBsonArray.SelectMany(Documents)
        : [];
}
