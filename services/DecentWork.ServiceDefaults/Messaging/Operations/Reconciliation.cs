namespace DecentWork.ServiceDefaults.Messaging.Operations;

/// <summary>
/// One figure of one programme that more than one service keeps: kept by its source (the service
/// whose records it counts) or as a copy another service built from the source's events. A copy
/// that differs from its source has drifted, e.g. because an event is parked in an _error queue.
/// </summary>
public sealed record ReconciliationFigure(string Figure, Guid ProgrammeId, decimal Value, bool IsSource);

/// <summary>The figures' names, the same at the source and in every copy.</summary>
public static class ReconciliationFigureNames
{
    /// <summary>Approved funding in US dollars that counts for the programme (cancelled approvals excluded).</summary>
    public const string FundingApprovedUsd = "funding_approved_usd";

    /// <summary>How many funding approvals count for the programme.</summary>
    public const string FundingApprovals = "funding_approvals";

    /// <summary>Attended or certified participants of the editions linked to the programme.</summary>
    public const string ParticipantsTrained = "participants_trained";
}

/// <summary>
/// What one service keeps per programme that another keeps too. A service registers its own
/// (<c>services.AddSingleton&lt;IReconciliationFigures, ...&gt;()</c>); OperationsService answers
/// them in ReportReconciliationFigures. Read from projections or one record per programme, never
/// from every record a figure counts.
/// </summary>
public interface IReconciliationFigures
{
    Task<IReadOnlyList<ReconciliationFigure>> ReadAsync(CancellationToken cancellationToken);
}
