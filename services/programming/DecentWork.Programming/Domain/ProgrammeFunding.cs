using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>
/// The money mobilised for one programme and each of its outcomes, read from the funding buckets
/// (<see cref="FundingByProgramme"/> and, for approvals counted before those existed,
/// <see cref="FundingCountedInProgramme"/>). Allocations to outcomes the programme does not have
/// count for the programme only.
/// </summary>
public sealed record ProgrammeFunding(decimal MobilisedUsd, int ApprovalCount, IReadOnlyDictionary<Guid, decimal> ByOutcome)
{
    public const string UsdFigure = "usd";

    public static ProgrammeFunding None { get; } = new(0, 0, new Dictionary<Guid, decimal>());

    /// <summary>One programme's buckets (keys "{programme}" and "{programme}|{outcome}") of either funding projection, summed.</summary>
    public static ProgrammeFunding From(IEnumerable<Bucket> buckets)
    {
        decimal mobilised = 0;
        long approvals = 0;
        var byOutcome = new Dictionary<Guid, decimal>();
        foreach (var bucket in buckets)
        {
            if (bucket.Parts is [_])
            {
                mobilised += bucket[UsdFigure];
                approvals += bucket.Count;
            }
            else if (bucket.Parts is [_, var outcome])
                byOutcome[Guid.ParseExact(outcome, "N")] = byOutcome.GetValueOrDefault(Guid.ParseExact(outcome, "N")) + bucket[UsdFigure];
        }
        return new ProgrammeFunding(mobilised, (int)approvals, byOutcome);
    }

    /// <summary>Every programme's buckets, grouped by programme.</summary>
    public static Dictionary<Guid, ProgrammeFunding> PerProgramme(IEnumerable<Bucket> buckets) =>
        buckets.GroupBy(b => Guid.ParseExact(b.Parts[0], "N")).ToDictionary(g => g.Key, From);

    public static string KeyOf(Guid programmeId) => BucketKey.Of(programmeId.ToString("N"));

    public static string KeyOf(Guid programmeId, Guid outcomeId) => BucketKey.Of(programmeId.ToString("N"), outcomeId.ToString("N"));

    public decimal MobilisedFor(Guid outcomeId) => ByOutcome.GetValueOrDefault(outcomeId);

    /// <summary>What is still to be mobilised for the programme; negative when more was mobilised than needed.</summary>
    public decimal GapOf(Programme programme) => programme.ResourceNeedUsd() - MobilisedUsd;
}

/// <summary>Each approval's contribution, added to its programme's and its outcomes' buckets in the same transaction as the record.</summary>
public sealed class FundingByProgramme : Projection<FundingContribution>
{
    public const string ProjectionName = "funding-by-programme";
    public override string Name => ProjectionName;

    public override void Contribute(FundingContribution state, Contributions contributions)
    {
        // A cancelled approval, or one amended away from this programme, counts nothing (and no approval).
        if (!state.CountsAsFunding()) return;
        contributions.Add(ProgrammeFunding.KeyOf(state.ProgrammeId), ProgrammeFunding.UsdFigure, state.AmountUsd)
            .Count(ProgrammeFunding.KeyOf(state.ProgrammeId));
        foreach (var part in state.ToOutcomes)
            contributions.Add(ProgrammeFunding.KeyOf(state.ProgrammeId, part.OutcomeId), ProgrammeFunding.UsdFigure, part.MobilisedUsd);
    }
}

/// <summary>
/// Approvals counted inside programme documents before they got records of their own: the same
/// buckets, built once from those programmes at start-up (a new projection is rebuilt), and never
/// changed after, because nothing adds to those fields any more.
/// </summary>
public sealed class FundingCountedInProgramme : Projection<Programme>
{
    public const string ProjectionName = "funding-counted-in-programme";
    public override string Name => ProjectionName;

    public override void Contribute(Programme state, Contributions contributions)
    {
        if (state.FundingApprovalIds.Count == 0) return;
        contributions.Add(ProgrammeFunding.KeyOf(state.Id), ProgrammeFunding.UsdFigure, state.FundingMobilisedUsd)
            .Add(ProgrammeFunding.KeyOf(state.Id), Bucket.CountFigure, state.FundingApprovalIds.Count);
        foreach (var outcome in state.Outcomes.Where(o => o.FundingMobilisedUsd != 0))
            contributions.Add(ProgrammeFunding.KeyOf(state.Id, outcome.Id), ProgrammeFunding.UsdFigure, outcome.FundingMobilisedUsd);
    }
}
