using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Storage;
using Contract = DecentWork.Contracts.Programming.V1;

namespace DecentWork.Programming.Grpc;

/// <summary>
/// A programme's money mobilised, which lives beside it: its totals in <see cref="ProgrammeFunding"/>
/// and each approval in a <see cref="FundingContribution"/> (written by FundingApprovedConsumer).
/// </summary>
public sealed partial class ProgrammingService
{
    private static readonly string[] FundingProjections = [FundingByProgramme.ProjectionName, FundingCountedInProgramme.ProjectionName];

    private async Task<ProgrammeFunding> FundingOfAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var buckets = new List<Bucket>();
        foreach (var projection in FundingProjections)
            buckets.AddRange(await projections.ReadAsync(projection, BucketRange.Prefix(ProgrammeFunding.KeyOf(programmeId)), cancellationToken));
        return ProgrammeFunding.From(buckets);
    }

    private async Task<Contract.Programme> ToProtoAsync(Programme programme, CancellationToken cancellationToken) =>
        ToProto(programme, await FundingOfAsync(programme.Id, cancellationToken));

    /// <summary>Every programme's funding by programme id, from the buckets (a few per programme, not one per approval).</summary>
    private async Task<Dictionary<Guid, ProgrammeFunding>> AllFundingAsync(CancellationToken cancellationToken)
    {
        var buckets = new List<Bucket>();
        foreach (var projection in FundingProjections)
            buckets.AddRange(await projections.ReadAsync(projection, BucketRange.Prefix(""), cancellationToken));
        return ProgrammeFunding.PerProgramme(buckets);
    }

    private static ProgrammeFunding FundingIn(Dictionary<Guid, ProgrammeFunding> all, Guid programmeId) =>
        all.TryGetValue(programmeId, out var funding) ? funding : ProgrammeFunding.None;

    /// <summary>The programme's own history with its funding approvals merged in, oldest first, as one list.</summary>
    private async Task<List<HistoryEntry>> HistoryOfAsync(Programme programme, CancellationToken cancellationToken)
    {
        var funded = await contributions.ReadAllAsync(c => c.ProgrammeId == programme.Id, new SortOrder<FundingContribution>(c => c.SortKey), cancellationToken);
        // A stable sort: entries at the same instant keep the programme's own first.
        return programme.History.Concat(funded.Select(c => c.ToHistoryEntry())).OrderBy(h => h.ChangedAt).ToList();
    }
}
