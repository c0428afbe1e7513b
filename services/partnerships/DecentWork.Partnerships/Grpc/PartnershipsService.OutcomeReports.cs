using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Storage;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>
/// ReportFundingApprovals grouped by DWCP outcome (buckets of <see cref="FundingOutcomeTotals"/>),
/// for a period and a funding source.
/// </summary>
public sealed partial class PartnershipsService
{
    /// <summary>Row label of allocations naming no outcome.</summary>
    public const string NoOutcomeLabel = "Not allocated to a DWCP outcome";

    private async Task<List<Contract.FundingApprovalTotal>> OutcomeRows(int startYear, int endYear, FundingSource? source, decimal total,
        CancellationToken cancellationToken)
    {
        var (from, to) = Years(startYear, endYear);
        var buckets = await projections.ReadAsync(FundingOutcomeTotals.ProjectionName, FundingOutcomeTotals.Between(from, to), cancellationToken);
        var found = OutcomeAllocationTotal.From(buckets).Where(b => source is null || b.Source == source).ToList();
        var labels = await OutcomeLabels(found, cancellationToken);
        return Rows(FundingReports.ByAllocationGroup(found.Select(b => b.AsGroup())),
            r => (r.Key, labels.GetValueOrDefault(r.Key, r.Key.Length == 0 ? NoOutcomeLabel : r.Key)), total);
    }

    /// <summary>
    /// "BEN: BEN101" (the programme's country and the outcome's code), read from the programmes'
    /// views: one read per programme in the rows, never per approval.
    /// </summary>
    private async Task<Dictionary<string, string>> OutcomeLabels(List<OutcomeAllocationTotal> found, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var programmeId in found.Select(b => b.ProgrammeId).OfType<Guid>().Distinct())
        {
            if (await programmeNeeds.FindAsync(programmeId, cancellationToken) is not { } programme) continue;
            foreach (var outcome in programme.Outcomes)
                labels[outcome.OutcomeId.ToString()] = $"{programme.CountryCode}: {outcome.Code}";
        }
        return labels;
    }
}
