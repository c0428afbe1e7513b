using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DecentWork.ServiceDefaults.Storage.History;

/// <summary>
/// How an aggregate looks in its history: its JSON shape (camelCase, enums by name), limited to
/// the state it stores (properties with a setter or an auto-property's backing field, so computed
/// properties add no noise), without the id and version every record already carries, and
/// without anything marked <see cref="NotInHistoryAttribute"/>, and with personal values
/// (<see cref="PersonalDataAttribute"/>) redacted.
/// </summary>
internal static class HistoryJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter() },
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        // Values are read by people: keep accents and quotes as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { KeepStoredState } },
    };

    public static JsonNode? Of<T>(T? state) where T : class =>
        state is null ? null : JsonSerializer.SerializeToNode(state, state.GetType(), Options);

    private static void KeepStoredState(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].AttributeProvider is not PropertyInfo property) continue;
            if (!IsShown(property)) type.Properties.RemoveAt(i);
            else if (property.IsDefined(typeof(PersonalDataAttribute), inherit: true))
                type.Properties[i].CustomConverter = property.PropertyType == typeof(string) ? RedactedText.Instance
                    : throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: [PersonalData] is for string properties.");
        }
    }

    /// <summary>Writes a personal value as <see cref="PersonalDataAttribute.Redacted"/> (empty stays empty); history is never read back.</summary>
    private sealed class RedactedText : JsonConverter<string>
    {
        public static readonly RedactedText Instance = new();

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("History values are not read back.");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Length == 0 ? "" : PersonalDataAttribute.Redacted);
    }

    private static bool IsShown(PropertyInfo property)
    {
        if (property.DeclaringType == typeof(Aggregate)) return false;
        if (property.IsDefined(typeof(NotInHistoryAttribute), inherit: true)) return false;
        return property.SetMethod is not null
            || property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is not null;
    }
}
