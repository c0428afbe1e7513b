using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace DecentWork.Gateway.OpenApi;

/// <summary>
/// components/schemas for the messages the API uses, one per proto message (named by its full
/// name), typed as the proto3 JSON mapping writes them: 64-bit integers as strings, enums as their
/// value names, Timestamp as an RFC 3339 string, wrappers as their primitive.
/// </summary>
public sealed class ProtoSchemas
{
    public JsonObject All { get; } = [];

    public JsonObject Ref(MessageDescriptor message)
    {
        if (WellKnown(message.FullName) is { } known) return known;
        if (!All.ContainsKey(message.FullName))
        {
            var properties = new JsonObject();
            All[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
            foreach (var field in message.Fields.InDeclarationOrder()) properties[field.JsonName] = Field(field);
        }
        return new JsonObject { ["$ref"] = "#/components/schemas/" + message.FullName };
    }

    public JsonObject Field(FieldDescriptor field)
    {
        if (field.IsMap)
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(field.MessageType.FindFieldByNumber(2)) };
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = Single(field) } : Single(field);
    }

    public JsonObject Status() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["code"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["message"] = new JsonObject { ["type"] = "string" },
            ["details"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } } } },
        },
    };

    private JsonObject Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => Ref(field.MessageType),
        FieldType.Enum => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(field.EnumType.Values.Select(v => (JsonNode)v.Name).ToArray()) },
        FieldType.Bool => Type("boolean"),
        FieldType.String => Type("string"),
        FieldType.Bytes => Type("string", "byte"),
        FieldType.Double => Type("number", "double"),
        FieldType.Float => Type("number", "float"),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Type("string", "int64"),
        FieldType.UInt64 or FieldType.Fixed64 => Type("string", "uint64"),
        FieldType.UInt32 or FieldType.Fixed32 => Type("integer", "uint32"),
        _ => Type("integer", "int32"),
    };

    private static JsonObject Type(string type, string? format = null) =>
        format is null ? new JsonObject { ["type"] = type } : new JsonObject { ["type"] = type, ["format"] = format };

    private static JsonObject? WellKnown(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => Type("string", "date-time"),
        "google.protobuf.Duration" or "google.protobuf.FieldMask" => Type("string"),
        "google.protobuf.StringValue" => Type("string"),
        "google.protobuf.BoolValue" => Type("boolean"),
        "google.protobuf.Int32Value" or "google.protobuf.UInt32Value" => Type("integer", "int32"),
        "google.protobuf.Int64Value" or "google.protobuf.UInt64Value" => Type("string", "int64"),
        "google.protobuf.DoubleValue" or "google.protobuf.FloatValue" => Type("number"),
        "google.protobuf.Struct" or "google.protobuf.Any" or "google.protobuf.Empty" => Type("object"),
        "google.protobuf.Value" or "google.protobuf.ListValue" => new JsonObject(),
        _ => null,
    };
}
