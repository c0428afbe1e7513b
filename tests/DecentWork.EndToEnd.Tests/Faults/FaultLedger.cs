using System.Collections.Concurrent;

namespace DecentWork.EndToEnd.Tests.Faults;

/// <summary>
/// What the suite's clients were told was stored: every write counted here was acknowledged
/// (answered OK, or ALREADY_EXISTS on a retry of a write whose first answer was lost), so every
/// one must be found in its service and counted exactly once in every view fed by its events.
/// </summary>
public sealed class FaultLedger
{
    private long _approvals;

    /// <summary>Funding approvals per programme: how many and their sum in USD.</summary>
    public ConcurrentDictionary<string, (int Count, decimal Sum)> ApprovalsByProgramme { get; } = new();
    public ConcurrentBag<string> DraftProgrammes { get; } = [];
    public ConcurrentBag<string> CourseLinkedProgrammes { get; } = [];
    public ConcurrentBag<string> Partners { get; } = [];
    public ConcurrentBag<string> ApprovedJointProgrammes { get; } = [];
    /// <summary>Transient failures the clients retried (the gateway or a service down, the write's answer lost).</summary>
    public long ClientRetries;

    public long Approvals => Interlocked.Read(ref _approvals);

    public void Approved(string programmeId, decimal amount)
    {
        ApprovalsByProgramme.AddOrUpdate(programmeId, (1, amount), (_, was) => (was.Count + 1, was.Sum + amount));
        Interlocked.Increment(ref _approvals);
    }
}
