using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// RBSA the Office allocated from the pools to DWCP outcomes, in the bucket shape of
/// <see cref="ProgrammeFundingTotals"/>' "o" family ("o|outcome|programme|year"), so a funding gap
/// reads an outcome's RBSA exactly as it reads its approvals' allocations. Until this existed the
/// pool kept its allocations but no projection or event carried them, so neither service's gap
/// moved when RBSA went to an outcome.
/// </summary>
public sealed class RbsaOutcomeTotals : Projection<RbsaPool>
{
    public const string ProjectionName = "rbsa-outcome-totals";
    public const string UsdFigure = ProgrammeFundingTotals.UsdFigure;

    public override string Name => ProjectionName;

    public override void Contribute(RbsaPool pool, Contributions contributions)
    {
        foreach (var allocation in pool.Allocations.Where(a => a.OutcomeId is not null))
        {
            var key = BucketKey.Of("o", allocation.OutcomeId!.Value.ToString("N"), (allocation.ProgrammeId ?? Guid.Empty).ToString("N"),
                BucketKey.Year(pool.YearOf(allocation)));
            contributions.Add(key, UsdFigure, allocation.AmountUsd);
        }
    }
}
