using System.Text;

namespace DecentWork.ServiceDefaults;

/// <summary>
/// A domain enum value as callers know it, the proto enum value's name: EditionStatus.Cancelled →
/// EDITION_STATUS_CANCELLED. Error texts use this, never the C# name. Each service's tests hold
/// its domain enums to the proto enums this convention names.
/// </summary>
public static class ProtoNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        $"{UpperSnake(typeof(TEnum).Name)}_{UpperSnake(value.ToString())}";

    public static string UpperSnake(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])))) text.Append('_');
            text.Append(char.ToUpperInvariant(c));
        }
        return text.ToString();
    }
}
