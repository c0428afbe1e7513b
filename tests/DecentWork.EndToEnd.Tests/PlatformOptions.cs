namespace DecentWork.EndToEnd.Tests;

/// <summary>A platform shaped for one test: settings for every host, more programming instances, gateway settings.</summary>
public sealed record PlatformOptions
{
    /// <summary>Given to every service and the gateway (e.g. where to export telemetry).</summary>
    public IReadOnlyDictionary<string, string> EveryHost { get; init; } = new Dictionary<string, string>();

    /// <summary>Given to the gateway last, so they win over the platform's own.</summary>
    public IReadOnlyDictionary<string, string> Gateway { get; init; } = new Dictionary<string, string>();

    /// <summary>Programming instances beyond the first, on the same virtual host, each a destination of the gateway's cluster.</summary>
    public int ProgrammingReplicas { get; init; }
}
