using System.Collections;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace DecentWork.EndToEnd.Tests;

/// <summary>
/// Random and mutated requests for any RPC, built from its request message's descriptor: values of
/// the right and wrong types, huge strings, enum values no contract defines, unknown fields,
/// garbage bytes, messages over the size limit. One seed makes one case, so a failure reproduces.
/// </summary>
public sealed partial class FuzzCases(int seed)
{
    public const int OverLimitBytes = 1024 * 1024 + 4096;
    private readonly Random _random = new(seed);

    public T Pick<T>(IList<T> items) => items[_random.Next(items.Count)];

    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A gRPC payload: a random message, a mutated one, bytes that are no message, or one over the limit.</summary>
    public (byte[] Bytes, bool OverLimit) GrpcPayload(MessageDescriptor message) => _random.Next(10) switch
    {
        0 => (RandomBytes(_random.Next(1, 200)), false),
        1 => (Truncated(RandomMessage(message, 0).ToByteArray()), false),
        2 => (OversizedMessage(message), true),
        _ => (RandomMessage(message, 0).ToByteArray(), false),
    };

    /// <summary>A JSON body: a random object, with unknown fields or wrong types mixed in, garbage text, or one over the limit.</summary>
    public (string Body, bool OverLimit) JsonBody(MessageDescriptor message) => _random.Next(12) switch
    {
        0 => (Encoding.UTF8.GetString(RandomBytes(_random.Next(1, 100))), false),
        1 => ("{\"" + RandomText(8) + "\": " + (Chance(0.5) ? "[" : "{") , false),
        2 => (new JsonObject { ["text"] = new string('x', OverLimitBytes) }.ToJsonString(), true),
        3 => (new string('[', 500) + new string(']', 500), false),
        _ => (RandomJson(message, 0).ToJsonString(), false),
    };

    /// <summary>Query parameters for a GET: some real fields with random values, sometimes one no message has.</summary>
    public string Query(MessageDescriptor message)
    {
        var parts = new List<string>();
        foreach (var field in message.Fields.InDeclarationOrder().Where(f => f.FieldType != FieldType.Message && Chance(0.3)))
            parts.Add($"{field.JsonName}={Uri.EscapeDataString(Short(RandomScalarText(field)))}");
        if (Chance(0.2)) parts.Add($"{RandomText(6)}=1");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The route with its variables filled: mostly UUIDs and country codes, sometimes junk.</summary>
    public string Path(string template) => PathVariable().Replace(template, m => Uri.EscapeDataString(_random.Next(5) switch
    {
        0 => RandomText(_random.Next(1, 100)),
        1 => "-",
        _ => m.Groups["name"].Value.Contains("country") ? "ALB" : Guid.NewGuid().ToString(),
    }));

    private IMessage RandomMessage(MessageDescriptor descriptor, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        if (depth > 3) return message;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (!Chance(0.5) || field.IsMap) continue;
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = _random.Next(4); i > 0; i--) list.Add(RandomValue(field, depth));
            }
            else field.Accessor.SetValue(message, RandomValue(field, depth));
        }
        return message;
    }

    private object RandomValue(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => RandomString(),
        FieldType.Bool => Chance(0.5),
        FieldType.Bytes => ByteString.CopyFrom(RandomBytes(_random.Next(20))),
        FieldType.Enum => _random.Next(4) == 0 ? _random.Next(-5, 1000) : Pick(field.EnumType.Values).Number,
        FieldType.Double => Pick([0.0, -1.5, double.MaxValue, double.NaN, 42.0]),
        FieldType.Float => Pick([0f, -1.5f, float.MaxValue, float.NaN, 42f]),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick([0L, -1L, long.MaxValue, long.MinValue, 2008L, 1_000_000L]),
        FieldType.UInt64 or FieldType.Fixed64 => Pick([0UL, ulong.MaxValue, 2008UL]),
        FieldType.UInt32 or FieldType.Fixed32 => Pick([0U, uint.MaxValue, 2008U]),
        FieldType.Message => RandomMessage(field.MessageType, depth + 1),
        _ => Pick([0, -1, int.MaxValue, int.MinValue, 1, 12, 31, 2008, 2040, 999_999]),
    };

    private JsonObject RandomJson(MessageDescriptor descriptor, int depth)
    {
        var json = new JsonObject();
        if (depth > 3) return json;
        foreach (var field in descriptor.Fields.InDeclarationOrder().Where(_ => Chance(0.5)))
            json[field.JsonName] = field.IsRepeated && !field.IsMap ? new JsonArray(RandomJsonValue(field, depth)) : RandomJsonValue(field, depth);
        if (Chance(0.3)) json[RandomText(_random.Next(1, 12))] = RandomString();
        return json;
    }

    private JsonNode? RandomJsonValue(FieldDescriptor field, int depth)
    {
        if (Chance(0.1)) return Pick<JsonNode?>([JsonValue.Create(RandomString()), JsonValue.Create(12.5), JsonValue.Create(true), new JsonArray(), new JsonObject(), null]);
        return field.FieldType switch
        {
            FieldType.Message when field.IsMap => new JsonObject(),
            FieldType.Message => RandomJson(field.MessageType, depth + 1),
            FieldType.Bool => JsonValue.Create(Chance(0.5)),
            FieldType.String or FieldType.Bytes => JsonValue.Create(RandomString()),
            FieldType.Enum => JsonValue.Create(Chance(0.3) ? RandomText(10).ToUpperInvariant() : Pick(field.EnumType.Values).Name),
            _ => JsonValue.Create(RandomScalarText(field)),
        };
    }

    private string RandomScalarText(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Enum => Chance(0.5) ? Pick(field.EnumType.Values).Name : RandomText(8),
        FieldType.Bool => Pick(["true", "false", "yes"]),
        FieldType.String => RandomString(),
        _ => Pick(["0", "-1", "2008", "99999999999999999999999", "1.5", "abc", "1e3", ""]),
    };

    /// <summary>URLs stay under Kestrel's 8 KiB line limit (past it Kestrel itself answers 414, before any code of ours runs).</summary>
    private static string Short(string text) => text.Length <= 200 ? text : text[..200];

    private string RandomString() => _random.Next(8) switch
    {
        0 => "",
        1 => new string('x', _random.Next(1000, 300_000)),
        2 => "Ｅuropean\u00A0Union\u200B",
        3 => Guid.NewGuid().ToString(),
        4 => Pick(["ALB", "USD", "en", "XX", "2040-01-01", "'; DROP TABLE", "<script>"]),
        _ => RandomText(_random.Next(0, 40)),
    };

    private string RandomText(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)_random.Next(32, 0x2FF)));

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Truncated(byte[] bytes) => bytes.Length < 2 ? [0x0A, 0x7F] : bytes[..(bytes.Length - 1)];

    /// <summary>The message's first string field (or an unknown field) carrying more than the limit.</summary>
    private static byte[] OversizedMessage(MessageDescriptor message)
    {
        var output = new MemoryStream();
        var stream = new CodedOutputStream(output);
        stream.WriteTag(9999, WireFormat.WireType.LengthDelimited);
        stream.WriteBytes(ByteString.CopyFrom(new byte[OverLimitBytes]));
        stream.Flush();
        return output.ToArray();
    }

    [GeneratedRegex(@"\{(?<name>[a-z_.]+)(=[^}]*)?\}")]
    private static partial Regex PathVariable();
}
