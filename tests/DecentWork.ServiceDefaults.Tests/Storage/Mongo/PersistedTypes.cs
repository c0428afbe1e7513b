using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>Every aggregate the services persist: each concrete <see cref="Aggregate"/> in the four services' assemblies and in ServiceDefaults (the operator log).</summary>
public static class PersistedTypes
{
    public static readonly Type[] All =
    [
        .. new[]
            {
                typeof(DecentWork.Programming.Domain.Programme),
                typeof(DecentWork.Partnerships.Domain.Partner),
                typeof(DecentWork.Coordination.Domain.Undaf),
                typeof(DecentWork.Training.Domain.Course),
                typeof(Aggregate),
            }
            .SelectMany(anchor => anchor.Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Aggregate).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    public static TheoryData<Type> Theory()
    {
        var data = new TheoryData<Type>();
        foreach (var type in All) data.Add(type);
        return data;
    }
}
