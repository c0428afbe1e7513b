using System.Collections.Concurrent;
using System.Diagnostics;

namespace DecentWork.EndToEnd.Tests;

/// <summary>Records every finished activity in this process, whatever its source, for trace assertions.</summary>
public sealed class TraceCollector : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _finished = new();

    public TraceCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _finished.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => _finished.Where(a => a.TraceId == traceId).ToList();

    public void Dispose() => _listener.Dispose();
}
