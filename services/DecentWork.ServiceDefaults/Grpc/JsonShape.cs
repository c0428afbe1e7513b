using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace DecentWork.ServiceDefaults.Grpc;

/// <summary>
/// Checks that JSON has the shape of a proto message under the proto3 JSON mapping before JSON
/// transcoding reads it: no unknown field, each value of its field's type, enums by a name the
/// contract defines. Each problem becomes a field violation naming the field by its JSON path, in
/// our words (transcoding's own messages name .NET types and quote whole values).
/// </summary>
public static class JsonShape
{
    private const int MaxDepth = 32;
    private static readonly ConcurrentDictionary<MessageDescriptor, Dictionary<string, FieldDescriptor>> FieldsByName = new();

    public static void Check(JsonElement json, MessageDescriptor message, string path, FieldViolations violations) =>
        CheckMessage(json, message, path, violations, 0);

    /// <summary>A field of <paramref name="message"/> by its JSON name or its proto name, as proto3 JSON accepts both.</summary>
    public static FieldDescriptor? FindField(MessageDescriptor message, string name) =>
        FieldsByName.GetOrAdd(message, m =>
        {
            var fields = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
            foreach (var f in m.Fields.InDeclarationOrder())
            {
                fields.TryAdd(f.JsonName, f);
                fields.TryAdd(f.Name, f);
            }
            return fields;
        }).GetValueOrDefault(name);

    /// <summary>A scalar given as text (a query or route parameter); null when it parses.</summary>
    public static string? ProblemWithText(FieldDescriptor field, string text) => field.FieldType switch
    {
        FieldType.String => null,
        FieldType.Bool => text is "true" or "false" ? null : "must be true or false",
        FieldType.Enum => ProblemWithEnumName(field.EnumType, text),
        FieldType.Bytes => IsBase64(text) ? null : "must be base64",
        FieldType.Float or FieldType.Double => ProblemWithFloat(field, text),
        FieldType.Message => IsWrapper(field.MessageType) ? ProblemWithText(field.MessageType.FindFieldByNumber(1), text) : "cannot be given as text",
        _ => ProblemWithInteger(field.FieldType, text),
    };

    private static void CheckMessage(JsonElement json, MessageDescriptor message, string path, FieldViolations violations, int depth)
    {
        if (depth > MaxDepth)
        {
            violations.Add(path, "is nested too deeply");
            return;
        }
        switch (message.FullName)
        {
            case "google.protobuf.Value":
                return;
            case "google.protobuf.Struct" or "google.protobuf.Any":
                if (json.ValueKind != JsonValueKind.Object) violations.Add(path, "must be a JSON object");
                return;
            case "google.protobuf.ListValue":
                if (json.ValueKind != JsonValueKind.Array) violations.Add(path, "must be a JSON array");
                return;
            case "google.protobuf.Timestamp" or "google.protobuf.Duration" or "google.protobuf.FieldMask":
                if (json.ValueKind != JsonValueKind.String) violations.Add(path, "must be a string");
                else if (!ParsesAs(message, json.GetRawText())) violations.Add(path, $"is not a valid {message.Name}: {Quote.Prefix(json.GetString())}");
                return;
        }
        if (IsWrapper(message))
        {
            CheckSingular(json, message.FindFieldByNumber(1), path, violations, depth);
            return;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            violations.Add(path, "must be a JSON object");
            return;
        }
        var oneofsSet = new HashSet<OneofDescriptor>();
        foreach (var property in json.EnumerateObject())
        {
            var fieldPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var field = FindField(message, property.Name);
            if (field is null)
            {
                violations.Add(fieldPath, $"is not a field of {message.Name}");
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            if (field.RealContainingOneof is { } oneof && !oneofsSet.Add(oneof))
                violations.Add(fieldPath, $"is one of {oneof.Name}, of which only one may be set");
            CheckField(property.Value, field, fieldPath, violations, depth);
        }
    }

    private static void CheckField(JsonElement json, FieldDescriptor field, string path, FieldViolations violations, int depth)
    {
        if (field.IsMap)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                violations.Add(path, "must be a JSON object");
                return;
            }
            var key = field.MessageType.FindFieldByNumber(1);
            var value = field.MessageType.FindFieldByNumber(2);
            foreach (var entry in json.EnumerateObject())
            {
                if (ProblemWithText(key, entry.Name) is { } problem) violations.Add($"{path}[{Quote.Prefix(entry.Name)}]", "key " + problem);
                CheckSingular(entry.Value, value, $"{path}[{Quote.Prefix(entry.Name)}]", violations, depth);
            }
            return;
        }
        if (field.IsRepeated)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                violations.Add(path, "must be a JSON array");
                return;
            }
            var index = 0;
            foreach (var item in json.EnumerateArray()) CheckSingular(item, field, $"{path}[{index++}]", violations, depth);
            return;
        }
        CheckSingular(json, field, path, violations, depth);
    }

    private static void CheckSingular(JsonElement json, FieldDescriptor field, string path, FieldViolations violations, int depth)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            if (field.FieldType != FieldType.Message) violations.Add(path, "must not be null here");
            return;
        }
        var problem = field.FieldType switch
        {
            FieldType.Message => null,
            FieldType.String => json.ValueKind == JsonValueKind.String ? null : "must be a string",
            FieldType.Bool => json.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
            FieldType.Enum => ProblemWithEnum(field.EnumType, json),
            _ => json.ValueKind switch
            {
                JsonValueKind.String => ProblemWithText(field, json.GetString()!),
                JsonValueKind.Number => field.FieldType == FieldType.Bytes ? "must be a base64 string" : ProblemWithText(field, json.GetRawText()),
                _ => field.FieldType == FieldType.Bytes ? "must be a base64 string" : "must be a number",
            },
        };
        if (problem is not null) violations.Add(path, problem);
        else if (field.FieldType == FieldType.Message) CheckMessage(json, field.MessageType, path, violations, depth + 1);
    }

    private static string? ProblemWithEnum(EnumDescriptor type, JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => ProblemWithEnumName(type, json.GetString()!),
        JsonValueKind.Number => json.TryGetInt32(out var number) && type.FindValueByNumber(number) is not null
            ? null : $"is not a value of {type.Name}: {Quote.Prefix(json.GetRawText())}",
        _ => $"must be the name of a {type.Name} value",
    };

    private static string? ProblemWithEnumName(EnumDescriptor type, string name) =>
        type.FindValueByName(name) is not null
        || (int.TryParse(name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && type.FindValueByNumber(n) is not null)
            ? null
            : $"is not a value of {type.Name}: {Quote.Prefix(name)}";

    private static string? ProblemWithInteger(FieldType type, string text)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value))
            return $"must be a whole number: {Quote.Prefix(text)}";
        var (min, max) = type switch
        {
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => ((decimal)int.MinValue, (decimal)int.MaxValue),
            FieldType.UInt32 or FieldType.Fixed32 => (0m, (decimal)uint.MaxValue),
            FieldType.UInt64 or FieldType.Fixed64 => (0m, (decimal)ulong.MaxValue),
            _ => ((decimal)long.MinValue, (decimal)long.MaxValue),
        };
        return value < min || value > max ? $"is out of range: {Quote.Prefix(text)}" : null;
    }

    private static string? ProblemWithFloat(FieldDescriptor field, string text)
    {
        if (text is "NaN" or "Infinity" or "-Infinity") return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
            return $"must be a number: {Quote.Prefix(text)}";
        return field.FieldType == FieldType.Float && Math.Abs(value) > float.MaxValue ? $"is out of range: {Quote.Prefix(text)}" : null;
    }

    private static bool IsWrapper(MessageDescriptor message) =>
        message.File.Package == "google.protobuf" && message.Name.EndsWith("Value", StringComparison.Ordinal) && message.Name != "Value";

    private static bool IsBase64(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
        return Convert.TryFromBase64String(standard, new byte[standard.Length], out _);
    }

    private static bool ParsesAs(MessageDescriptor message, string json)
    {
        try
        {
            Google.Protobuf.JsonParser.Default.Parse(json, message);
            return true;
        }
        catch (Exception e) when (e is Google.Protobuf.InvalidProtocolBufferException or Google.Protobuf.InvalidJsonException or FormatException)
        {
            return false;
        }
    }
}
