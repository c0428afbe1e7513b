using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace DecentWork.Gateway.Csv;

/// <summary>
/// The columns of one CSV row, planned from the row's proto message (not from the JSON, which
/// leaves out unset messages), so every download of a route has the same header. Names are the
/// proto3 JSON names, nested fields joined with dots; money splits into ".amount" (exact decimal)
/// and ".currency"; a google.type.Date is one ISO 8601 column; repeated and map fields are one
/// column holding their proto3 JSON text.
/// </summary>
public sealed class CsvColumns
{
    private const int MaxDepth = 4;
    private const decimal NanosPerUnit = 1_000_000_000m;
    private readonly List<(string Name, Func<JsonElement, string> Value)> columns = [];

    public CsvColumns(MessageDescriptor row) => Plan(row, prefix: "", path: [], depth: 0);

    public IEnumerable<string> Header => columns.Select(c => c.Name);

    public IEnumerable<string> Values(JsonElement row) => columns.Select(c => c.Value(row));

    private void Plan(MessageDescriptor message, string prefix, string[] path, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var name = prefix + field.JsonName;
            string[] fieldPath = [.. path, field.JsonName];
            if (field.IsRepeated || field.IsMap || field.FieldType != FieldType.Message)
                Add(name, fieldPath, AsText);
            else if (field.MessageType.FullName == "google.type.Money")
            {
                Add(name + ".amount", fieldPath, Amount);
                Add(name + ".currency", fieldPath, money => AsText(Child(money, "currencyCode")));
            }
            else if (field.MessageType.FullName == "google.type.Date")
                Add(name, fieldPath, IsoDate);
            else if (field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal) || depth >= MaxDepth)
                Add(name, fieldPath, AsText); // timestamps, durations, wrappers: their JSON form is already a string or number
            else
                Plan(field.MessageType, name + ".", fieldPath, depth + 1);
        }
    }

    private void Add(string name, string[] path, Func<JsonElement?, string> value) =>
        columns.Add((name, row => value(Walk(row, path))));

    private static JsonElement? Walk(JsonElement row, string[] path)
    {
        JsonElement? current = row;
        foreach (var step in path) current = Child(current, step);
        return current;
    }

    private static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var child) ? child : null;

    private static string AsText(JsonElement? element) => element switch
    {
        null or { ValueKind: JsonValueKind.Null } => "",
        { ValueKind: JsonValueKind.String } e => e.GetString()!,
        var e => e.Value.GetRawText(),
    };

    /// <summary>units + nanos as an exact decimal, with no trailing zeros: "300000.75". int64 units may arrive as a string (proto3 JSON) or a number.</summary>
    private static string Amount(JsonElement? money)
    {
        if (money is not { ValueKind: JsonValueKind.Object }) return "";
        var units = decimal.Parse(AsText(Child(money, "units")) is { Length: > 0 } u ? u : "0", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var nanos = decimal.Parse(AsText(Child(money, "nanos")) is { Length: > 0 } n ? n : "0", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return ((units + nanos / NanosPerUnit) / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
    }

    private static string IsoDate(JsonElement? date)
    {
        if (date is not { ValueKind: JsonValueKind.Object }) return "";
        int Part(string name) => Child(date, name) is { ValueKind: JsonValueKind.Number } p ? p.GetInt32() : 0;
        var (year, month, day) = (Part("year"), Part("month"), Part("day"));
        if (year == 0) return "";
        var invariant = CultureInfo.InvariantCulture;
        return month == 0 ? year.ToString("D4", invariant)
            : day == 0 ? string.Create(invariant, $"{year:D4}-{month:D2}")
            : string.Create(invariant, $"{year:D4}-{month:D2}-{day:D2}");
    }
}
