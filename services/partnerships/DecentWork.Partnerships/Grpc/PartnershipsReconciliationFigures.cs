using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Messaging.Operations;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// Partnerships is the source of each programme's approved funding: the "p" buckets of
/// <see cref="ProgrammeFundingTotals"/> (per programme, year and partner), summed per programme.
/// </summary>
public sealed class PartnershipsReconciliationFigures(IProjectionReader projections) : IReconciliationFigures
{
    public async Task<IReadOnlyList<ReconciliationFigure>> ReadAsync(CancellationToken cancellationToken)
    {
        var buckets = await projections.ReadAsync(ProgrammeFundingTotals.ProjectionName, BucketRange.Prefix("p|"), cancellationToken);
        return [.. buckets.GroupBy(b => Guid.ParseExact(b.Parts[1], "N")).SelectMany(programme => new[]
        {
            new ReconciliationFigure(ReconciliationFigureNames.FundingApprovedUsd, programme.Key, programme.Sum(b => b[ProgrammeFundingTotals.UsdFigure]), IsSource: true),
            new ReconciliationFigure(ReconciliationFigureNames.FundingApprovals, programme.Key, programme.Sum(b => b.Count), IsSource: true),
        })];
    }
}
