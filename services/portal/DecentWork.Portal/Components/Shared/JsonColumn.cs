using System.Globalization;
using System.Text.Json;

namespace DecentWork.Portal.Components.Shared;

/// <summary>
/// One column of a read-only list: its header and the field of each item it prints (camelCase,
/// "a.b" for nested), and optionally a link to the item's page: LinkFormat with {0} replaced by
/// the field at LinkIdPath ("/training/courses/{0}" with "id").
/// </summary>
public sealed record JsonColumn(string Header, string Path, string? LinkFormat = null, string LinkIdPath = "id")
{
    public string? LinkFor(JsonElement item)
    {
        if (LinkFormat is null) return null;
        var id = new JsonColumn("", LinkIdPath).Print(item);
        return id.Length == 0 ? null : string.Format(CultureInfo.InvariantCulture, LinkFormat, Uri.EscapeDataString(id));
    }

    public string Print(JsonElement item)
    {
        var value = item;
        foreach (var name in Path.Split('.'))
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value)) return "";
        return PrintValue(value);
    }

    // Money as whole dollars, enum names as words, lists comma-separated: what a person reads.
    private static string PrintValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString() is { } text && IsEnumName(text) => Gateway.Labels.Of(text, EnumPrefix(text)),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToString(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(PrintValue)),
        JsonValueKind.Object when value.TryGetProperty("units", out var units) =>
            decimal.Parse(units.ToString(), CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture),
        JsonValueKind.Object when value.TryGetProperty("year", out var year) => $"{year}-{value.GetProperty("month")}-{value.GetProperty("day")}",
        _ => "",
    };

    private static bool IsEnumName(string text) =>
        text.Contains('_') && text.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_');

    // The enum's type name is its first two words (PARTNER_CATEGORY_FOUNDATION → "Foundation").
    private static string EnumPrefix(string text)
    {
        var second = text.IndexOf('_', text.IndexOf('_') + 1);
        return second > 0 ? text[..(second + 1)] : "";
    }
}
