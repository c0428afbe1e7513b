using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Domain;

/// <summary>
/// Part of an approval earmarked for a place or result. Every target is optional; the region is
/// derived from the country when there is one. Settable properties, for the store's mappers.
/// </summary>
public sealed class Allocation
{
    public IloRegion? Region { get; set; }
    public string? CountryCode { get; set; }
    public Guid? ProgrammeId { get; set; }
    public Guid? OutcomeId { get; set; }

    /// <summary>1-4, or null when none is named.</summary>
    public int? StrategicObjective { get; set; }

    public decimal AmountUsd { get; set; }

    /// <summary>The theme the money serves; null when none is named (and on allocations stored before themes).</summary>
    public AllocationTheme? Theme { get; set; }

    /// <summary>The implementing office or department's code (<see cref="ImplementingUnits"/>); null when not recorded.</summary>
    public string? ImplementingUnit { get; set; }

    public static bool IsValidStrategicObjective(int objective) => objective is >= 1 and <= 4;

    /// <summary>Same targets and amount (decimal equality, so 1.50 equals 1.5).</summary>
    public bool SameAs(Allocation other) =>
        Region == other.Region && CountryCode == other.CountryCode && ProgrammeId == other.ProgrammeId
        && OutcomeId == other.OutcomeId && SameObjectiveAs(other) && AmountUsd == other.AmountUsd
        && Theme == other.Theme && ImplementingUnit == other.ImplementingUnit;

    /// <summary>
    /// An objective this allocation took from its outcome (<see cref="FundingTargets.TakeObjectivesFromOutcomes"/>)
    /// was not stated by the caller, so a request that leaves it out still repeats this one.
    /// </summary>
    private bool SameObjectiveAs(Allocation other) =>
        StrategicObjective == other.StrategicObjective || (OutcomeId is not null && other.StrategicObjective is null);
}
