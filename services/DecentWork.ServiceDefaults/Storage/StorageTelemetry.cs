using System.Diagnostics;

namespace DecentWork.ServiceDefaults.Storage;

/// <summary>One span per storage call, so a trace shows where a request spent its time.</summary>
public static class StorageTelemetry
{
    public const string SourceName = "DecentWork.Storage";
    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string operation, string collection)
    {
        var activity = Source.StartActivity($"{operation} {collection}", ActivityKind.Client);
        activity?.SetTag("db.operation.name", operation);
        activity?.SetTag("db.collection.name", collection);
        return activity;
    }
}
