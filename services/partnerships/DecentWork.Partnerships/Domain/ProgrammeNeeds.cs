using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>One outcome's resource need as programming last reported it. Settable, for the mappers.</summary>
public sealed class OutcomeNeed
{
    public Guid OutcomeId { get; set; }
    public string Code { get; set; } = "";
    public int StrategicObjective { get; set; }
    public decimal ResourceNeedUsd { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>
/// Partnerships' view of an approved DWCP's resource needs, built from programming's events; the id
/// is the programme's, so the approval event creates it once.
/// </summary>
public sealed class ProgrammeNeeds : Aggregate
{
    private ProgrammeNeeds() { }

    public string CountryCode { get; private set; } = "";
    public List<OutcomeNeed> Outcomes { get; private set; } = [];

    public static ProgrammeNeeds FromApproval(ProgrammeApproved approved) => new()
    {
        Id = approved.ProgrammeId,
        CountryCode = approved.CountryCode,
        Outcomes = [.. approved.Outcomes.Select(o => Need(o, withdrawn: false, approved.ApprovedAt))],
    };

    /// <summary>
    /// Applies an outcome change unless a later one was applied already (events may arrive out of
    /// order after retries). False when nothing changed.
    /// </summary>
    public bool Apply(ProgrammeOutcome outcome, bool withdrawn, DateTimeOffset changedAt)
    {
        var known = Outcomes.Find(o => o.OutcomeId == outcome.OutcomeId);
        if (known is not null && known.ChangedAt >= changedAt) return false;
        if (known is not null) Outcomes.Remove(known);
        Outcomes.Add(Need(outcome, withdrawn, changedAt));
        return true;
    }

    public IEnumerable<OutcomeNeed> Current() => Outcomes.Where(o => !o.Withdrawn).OrderBy(o => o.Code, StringComparer.Ordinal);

    public decimal ResourceNeed() => Current().Sum(o => o.ResourceNeedUsd);

    private static OutcomeNeed Need(ProgrammeOutcome o, bool withdrawn, DateTimeOffset at) => new()
    {
        OutcomeId = o.OutcomeId, Code = o.Code, StrategicObjective = o.StrategicObjective,
        ResourceNeedUsd = o.ResourceNeedUsd, Withdrawn = withdrawn, ChangedAt = at,
    };
}

/// <summary>What was approved for one programme, in full and per outcome.</summary>
public static class ProgrammeFunding
{
    /// <summary>Approvals naming the programme count in full; those for several programmes, by their allocations to it.</summary>
    public static decimal Approved(Guid programmeId, IEnumerable<FundingApproval> approvals) => approvals.Sum(a =>
        a.ProgrammeId == programmeId ? a.AmountUsd
        : a.ProgrammeId == Guid.Empty ? a.Allocations.Where(x => x.ProgrammeId == programmeId).Sum(x => x.AmountUsd)
        : 0m);

    public static decimal AllocatedTo(Guid outcomeId, IEnumerable<FundingApproval> approvals) =>
        approvals.SelectMany(a => a.Allocations).Where(x => x.OutcomeId == outcomeId).Sum(x => x.AmountUsd);
}
