using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>Outcomes (not withdrawn) serving one strategic objective, their need and the money allocated to them.</summary>
public sealed record StrategicObjectiveRow(StrategicObjective StrategicObjective, int OutcomeCount, decimal ResourceNeedUsd, decimal FundingMobilisedUsd);

/// <summary>
/// The outcomes-by-strategic-objective report: a pure function of the
/// <see cref="ProgrammeNeedByGroupProjection"/> and <see cref="FundingByGroupProjection"/> buckets
/// the caller may see. Discarded drafts are left out, as in every report. One row per objective, in
/// the objectives' order, also when none serves it.
/// </summary>
public static class StrategicObjectiveFundingReport
{
    public static IReadOnlyList<StrategicObjectiveRow> From(IEnumerable<Bucket> needBuckets, IEnumerable<Bucket> fundingBuckets)
    {
        var need = FundingGroups.InStatus(needBuckets, 0).ToList();
        var funding = FundingGroups.InStatus(fundingBuckets, 0).ToList();
        return [.. Enum.GetValues<StrategicObjective>().Select(objective => new StrategicObjectiveRow(objective,
            (int)need.Sum(b => b[FundingGroups.OutcomesOf(objective)]),
            need.Sum(b => b[FundingGroups.NeedOf(objective)]),
            need.Sum(b => b[FundingGroups.UsdOf(objective)]) + funding.Sum(b => b[FundingGroups.UsdOf(objective)])))];
    }
}
