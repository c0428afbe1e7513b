using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;
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
/// Partnerships' view of the DWCPs programming announced, built from its events: the programme
/// (id, country) from ProgrammeRegistered, its outcomes and their resource needs from
/// ProgrammeApproved and ProgrammeOutcomeChanged. Approvals are checked against it (only money for
/// programmes and outcomes programming knows reaches programming's FundingApproved consumer) and
/// the funding gap reads it. The id is the programme's, so each event creates it once; the events
/// travel on separate queues and may arrive in any order.
/// </summary>
public sealed class ProgrammeNeeds : Aggregate
{
    private ProgrammeNeeds() { }

    public string CountryCode { get; private set; } = "";
    public List<OutcomeNeed> Outcomes { get; private set; } = [];

    /// <summary>
    /// True while only the registration has arrived: the programme is known, its needs are not.
    /// False on views stored before registrations were consumed, which all came from an approval.
    /// </summary>
    public bool AwaitingApproval { get; private set; }

    /// <summary>A programme heard of through its registration; the approval brings its outcomes.</summary>
    public static ProgrammeNeeds FromRegistration(ProgrammeRegistered registered) => new()
    {
        Id = Known(registered.ProgrammeId),
        CountryCode = registered.CountryCode.ToUpperInvariant(),
        AwaitingApproval = true,
    };

    public static ProgrammeNeeds FromApproval(ProgrammeApproved approved) => new()
    {
        Id = Known(approved.ProgrammeId),
        CountryCode = approved.CountryCode.ToUpperInvariant(),
        Outcomes = [.. approved.Outcomes.Select(o => Need(o, withdrawn: false, approved.ApprovedAt))],
    };

    /// <summary>
    /// Applies an approval (the first, or a later one after a revision) to a view the registration
    /// or an earlier approval created; an outcome keeps a newer change. False when nothing changed.
    /// </summary>
    public bool Approve(ProgrammeApproved approved)
    {
        var changed = AwaitingApproval;
        AwaitingApproval = false;
        foreach (var outcome in approved.Outcomes)
            changed |= Apply(outcome, withdrawn: false, approved.ApprovedAt);
        return changed;
    }

    /// <summary>An allocation naming a country and this programme must name the programme's country.</summary>
    public bool IsInCountry(string countryCode) => string.Equals(CountryCode, countryCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The outcome money may be allocated to: one programming approved (or added after approval)
    /// for this programme and did not withdraw since.
    /// </summary>
    public OutcomeNeed FundableOutcome(Guid outcomeId)
    {
        var outcome = Outcomes.Find(o => o.OutcomeId == outcomeId)
            ?? throw new NotKnownYetException("Outcome", outcomeId,
                $"Outcome '{outcomeId}' is not an outcome of programme '{Id}' as far as partnerships knows: an outcome becomes known when " +
                "its programme is approved in programming (or the outcome is added after approval); if that just happened, retry in a moment.");
        if (outcome.Withdrawn)
            throw new DomainRuleException($"Outcome '{outcome.Code}' ({outcomeId}) of programme '{Id}' was withdrawn; money can no longer be allocated to it.");
        return outcome;
    }

    /// <summary>Why an approval may not name a programme partnerships has not heard of.</summary>
    public static DomainRuleException UnknownProgramme(Guid programmeId) => new NotKnownYetException("Programme", programmeId,
        $"Programme '{programmeId}' is not known to partnerships: programming has not announced it (yet). A programme registered " +
        "in programming becomes known here within moments; register it there first, or retry shortly after registering it.");

    /// <summary>Why an outcome named without its programme cannot be funded when no known programme has it.</summary>
    public static DomainRuleException UnknownOutcome(Guid outcomeId) => new NotKnownYetException("Outcome", outcomeId,
        $"Outcome '{outcomeId}' is not an outcome of any programme partnerships knows: an outcome becomes known when its programme " +
        "is approved in programming (or the outcome is added after approval); if that just happened, retry in a moment.");

    private static Guid Known(Guid programmeId) => programmeId != Guid.Empty ? programmeId
        : throw new DomainRuleException("A programme announcement must carry the programme's id.");

    /// <summary>
    /// Applies an outcome change unless a later one was applied already (events may arrive out of
    /// order after retries). False when nothing changed.
    /// </summary>
    public bool Apply(ProgrammeOutcome outcome, bool withdrawn, DateTimeOffset changedAt)
    {
        changedAt = ToStoredPrecision(changedAt);
        var known = Outcomes.Find(o => o.OutcomeId == outcome.OutcomeId);
        if (known is not null && known.ChangedAt >= changedAt) return false;
        if (known is not null) Outcomes.Remove(known);
        Outcomes.Add(Need(outcome, withdrawn, changedAt));
        return true;
    }

    public IEnumerable<OutcomeNeed> Current() => Outcomes.Where(o => !o.Withdrawn).OrderBy(o => o.Code, StringComparer.Ordinal);

    public decimal ResourceNeed() => Current().Sum(o => o.ResourceNeedUsd);

    /// <summary>
    /// Both stores keep times to the millisecond: compared at that precision, a redelivered event
    /// reads as the same version, not a newer one, after the view was stored and read back.
    /// </summary>
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, at.Offset);

    private static OutcomeNeed Need(ProgrammeOutcome o, bool withdrawn, DateTimeOffset at) => new()
    {
        OutcomeId = o.OutcomeId, Code = o.Code, StrategicObjective = o.StrategicObjective,
        ResourceNeedUsd = o.ResourceNeedUsd, Withdrawn = withdrawn, ChangedAt = ToStoredPrecision(at),
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

    /// <summary>True when the approval counts for the programme: it names it, or allocates to it.</summary>
    public static bool Funds(Guid programmeId, FundingApproval approval) => Approved(programmeId, [approval]) > 0;

    public static decimal AllocatedTo(Guid outcomeId, IEnumerable<FundingApproval> approvals) =>
        approvals.SelectMany(a => a.Allocations).Where(x => x.OutcomeId == outcomeId).Sum(x => x.AmountUsd);
}
