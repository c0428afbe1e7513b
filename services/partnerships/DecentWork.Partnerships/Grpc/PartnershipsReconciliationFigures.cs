using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Messaging.Operations;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// Partnerships is the source of each programme's approved funding: the "t" buckets of
/// <see cref="ProgrammeFundingTotals"/> (one per programme, its years as figures), summed over the years.
/// </summary>
public sealed class PartnershipsReconciliationFigures(IProjectionReader projections) : IReconciliationFigures
{
    public async Task<IReadOnlyList<ReconciliationFigure>> ReadAsync(CancellationToken cancellationToken)
    {
        var buckets = await projections.ReadAsync(ProgrammeFundingTotals.ProjectionName, ProgrammeFundingTotals.EveryProgrammesTotals, cancellationToken);
        return [.. buckets.SelectMany(programme =>
        {
            var years = ProgrammeFundingYear.From(programme).ToList();
            return new[]
            {
                new ReconciliationFigure(ReconciliationFigureNames.FundingApprovedUsd, ProgrammeFundingTotals.ProgrammeOf(programme), years.Sum(y => y.AmountUsd), IsSource: true),
                new ReconciliationFigure(ReconciliationFigureNames.FundingApprovals, ProgrammeFundingTotals.ProgrammeOf(programme), years.Sum(y => y.Approvals), IsSource: true),
            };
        })];
    }
}
