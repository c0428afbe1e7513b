using System.Text.Json;
using System.Text.Json.Nodes;

namespace DecentWork.ServiceDefaults.Storage.History;

/// <summary>
/// The field-level difference between two states of an aggregate, as readable paths with old and
/// new values: objects compared field by field, lists of items with ids matched by id
/// ("outcomes[id=…].title"), other lists of objects by position ("entries[2].amount"), lists of
/// plain values compared whole. A new aggregate shows every field it was created with.
/// </summary>
public static class HistoryDiff
{
    /// <summary>Longer values are cut to this many characters and marked.</summary>
    public const int MaxValueLength = 200;
    public const string TruncatedMarker = "…(truncated)";

    public static List<FieldChange> Between<T>(T? before, T after) where T : class =>
        Between(HistoryJson.Of(before) ?? new JsonObject(), HistoryJson.Of(after));

    public static List<FieldChange> Between(JsonNode? before, JsonNode? after)
    {
        var changes = new List<FieldChange>();
        Compare("", before, after, changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject old, JsonObject @new):
                foreach (var (name, value) in old) Compare(Member(path, name), value, @new[name], changes);
                foreach (var (name, value) in @new)
                    if (!old.ContainsKey(name)) Compare(Member(path, name), null, value, changes);
                return;
            case (JsonArray old, JsonArray @new) when old.Count + @new.Count > 0 && IdsOf(old) is { } oldIds && IdsOf(@new) is { } newIds:
                foreach (var (id, item) in oldIds) Compare($"{path}[id={id}]", item, newIds.GetValueOrDefault(id), changes);
                foreach (var (id, item) in newIds)
                    if (!oldIds.ContainsKey(id)) Compare($"{path}[id={id}]", null, item, changes);
                return;
            case (JsonArray old, JsonArray @new) when old.Concat(@new).Any(i => i is JsonObject or JsonArray):
                for (var i = 0; i < Math.Max(old.Count, @new.Count); i++)
                    Compare($"{path}[{i}]", i < old.Count ? old[i] : null, i < @new.Count ? @new[i] : null, changes);
                return;
        }
        if (JsonNode.DeepEquals(before, after)) return;
        changes.Add(new FieldChange { Path = path, Old = Text(before), New = Text(after) });
    }

    private static string Member(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The items by their "id", when every item is an object with a distinct one; otherwise null.</summary>
    private static Dictionary<string, JsonNode>? IdsOf(JsonArray items)
    {
        var byId = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not JsonObject o || o["id"] is not JsonValue id || id.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number)) return null;
            if (!byId.TryAdd(id.ToString(), item)) return null;
        }
        return byId;
    }

    /// <summary>Strings as they are, anything else as compact JSON; null stays null; long values cut and marked.</summary>
    public static string? Text(JsonNode? value)
    {
        if (value is null) return null;
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString(HistoryJson.Options);
        return text.Length <= MaxValueLength ? text : text[..MaxValueLength] + TruncatedMarker;
    }
}
