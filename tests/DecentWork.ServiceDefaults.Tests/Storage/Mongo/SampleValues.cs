using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>
/// Builds an instance of a persisted type with every stored member set to a distinct, non-default
/// value, at every nesting level (lists get two items): money with more digits than a double
/// keeps, UTC instants with milliseconds, the last value of each enum. Members are set as the
/// driver would set them, through any setter or the auto-property's backing field.
/// </summary>
public sealed class SampleValues
{
    private const int MaxDepth = 7; // deep enough for Programme → Indicators → Progress → Breakdown
    private int _counter;

    public object Create(Type type, int depth = 0)
    {
        var instance = type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is { } ctor
            ? ctor.Invoke(null)
            : RuntimeHelpers.GetUninitializedObject(type);
        for (var level = type; level is not null && level != typeof(object); level = level.BaseType)
            foreach (var property in level.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetIndexParameters().Length > 0) continue;
                var backing = level.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
                var setter = property.GetSetMethod(nonPublic: true);
                if (setter is null && backing is null) continue; // computed
                var value = Value(property.PropertyType, depth + 1);
                if (setter is not null) setter.Invoke(instance, [value]);
                else backing!.SetValue(instance, value);
            }
        return instance;
    }

    public object? Value(Type type, int depth)
    {
        var n = ++_counter;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Value(underlying, depth);
        if (type == typeof(string)) return $"text-{n}";
        if (type == typeof(decimal)) return 467_000_000.000000001m + n;
        if (type == typeof(int)) return 1_000 + n;
        if (type == typeof(long)) return 5_000_000_000L + n;
        if (type == typeof(double)) return n + 0.5;
        if (type == typeof(bool)) return true;
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(DateOnly)) return new DateOnly(2008, 2, 29).AddDays(n);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2008, 10, 21, 9, 30, 15, 123, TimeSpan.Zero).AddMinutes(n);
        if (type == typeof(DateTime)) return new DateTime(2008, 10, 21, 9, 30, 15, 123, DateTimeKind.Utc).AddMinutes(n);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(n);
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsArray) return Filled(Array.CreateInstance(type.GetElementType()!, 2), type.GetElementType()!, depth);
        if (type.IsGenericType && ListLike(type) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            if (depth < MaxDepth) for (var i = 0; i < 2; i++) list.Add(Value(element, depth + 1));
            return type.IsAssignableFrom(list.GetType()) ? list : Activator.CreateInstance(type, list);
        }
        if (type.Namespace?.StartsWith("DecentWork.", StringComparison.Ordinal) == true) return Create(type, depth);
        throw new NotSupportedException($"No sample value for {type}: teach SampleValues this type.");
    }

    private Array Filled(Array array, Type element, int depth)
    {
        for (var i = 0; i < array.Length; i++) array.SetValue(Value(element, depth + 1), i);
        return array;
    }

    private static Type? ListLike(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
               || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)
               || definition == typeof(HashSet<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}
