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

    public static bool IsValidStrategicObjective(int objective) => objective is >= 1 and <= 4;

    /// <summary>Same targets and amount (decimal equality, so 1.50 equals 1.5).</summary>
    public bool SameAs(Allocation other) =>
        Region == other.Region && CountryCode == other.CountryCode && ProgrammeId == other.ProgrammeId
        && OutcomeId == other.OutcomeId && StrategicObjective == other.StrategicObjective && AmountUsd == other.AmountUsd;
}
