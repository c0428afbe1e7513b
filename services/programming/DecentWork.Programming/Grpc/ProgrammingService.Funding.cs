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

    /// <summary>
    /// The programme's own history with its funding approvals merged in, oldest first, each with
    /// the key history pages by: the instant, then the programme's own entries before approvals,
    /// then the position or the approval's record. New entries come later, so keys stay put.
    /// </summary>
    private async Task<List<(HistoryEntry Entry, string Key)>> HistoryOfAsync(Programme programme, CancellationToken cancellationToken)
    {
        var funded = await contributions.ReadAllAsync(c => c.ProgrammeId == programme.Id, new SortOrder<FundingContribution>(c => c.SortKey), cancellationToken);
        return programme.History.Select((entry, i) => (Entry: entry, Key: $"{entry.ChangedAt.UtcTicks:D19}|0|{i:D10}"))
            .Concat(funded.Select(c => (Entry: c.ToHistoryEntry(), Key: $"{c.RecordedAt.UtcTicks:D19}|1|{c.Id:N}")))
            .OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }
}
