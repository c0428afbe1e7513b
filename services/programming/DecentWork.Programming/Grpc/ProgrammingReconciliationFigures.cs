using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Messaging.Operations;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Grpc;

/// <summary>
/// Programming's copies of other services' figures: the money mobilised per programme (from
/// partnerships' approvals, read from the funding buckets) and the people trained (from training's
/// counts, kept on each programme).
/// </summary>
public sealed class ProgrammingReconciliationFigures(IProjectionReader projections, IAggregateStore<Programme> programmes) : IReconciliationFigures
{
    public async Task<IReadOnlyList<ReconciliationFigure>> ReadAsync(CancellationToken cancellationToken)
    {
        var buckets = new List<Bucket>();
        foreach (var projection in new[] { FundingByProgramme.ProjectionName, FundingCountedInProgramme.ProjectionName })
            buckets.AddRange(await projections.ReadAsync(projection, BucketRange.Prefix(""), cancellationToken));
        var figures = new List<ReconciliationFigure>();
        foreach (var (programmeId, funding) in ProgrammeFunding.PerProgramme(buckets))
        {
            figures.Add(new(ReconciliationFigureNames.FundingApprovedUsd, programmeId, funding.MobilisedUsd, IsSource: false));
            figures.Add(new(ReconciliationFigureNames.FundingApprovals, programmeId, funding.ApprovalCount, IsSource: false));
        }
        // One record per programme: the count training last sent is kept on it.
        foreach (var programme in (await programmes.ReadAllAsync(_ => true, new SortOrder<Programme>(p => p.SortKey), cancellationToken)).Where(p => p.Training is not null))
            figures.Add(new(ReconciliationFigureNames.ParticipantsTrained, programme.Id, programme.Training!.ParticipantsTrained, IsSource: false));
        return figures;
    }
}
