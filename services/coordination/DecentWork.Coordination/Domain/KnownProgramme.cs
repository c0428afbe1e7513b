using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>
/// This service's own view of a DWCP, built from ProgrammeRegistered, ProgrammeApproved and
/// ProgrammeOutcomeChanged. The programming service owns the programme; this copy holds only what
/// coordination needs and is never edited here. The events travel on separate queues, so they may
/// arrive in any order: each applies only what it knows, and outcomes keep their latest version.
/// </summary>
public sealed class KnownProgramme : Aggregate
{
    private KnownProgramme() { }

    public string CountryCode { get; private set; } = "";
    public IloRegion Region { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    /// <summary>Default until ProgrammeRegistered arrives (an approval may arrive first).</summary>
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public List<KnownOutcome> Outcomes { get; private set; } = [];

    /// <summary>Country, period start, id: the order programmes are read in, one key for both stores.</summary>
    public string SortKey { get; private set; } = "";

    /// <summary>Takes the programme's id as its own, so one programme can be known only once.</summary>
    public static KnownProgramme From(ProgrammeRegistered registered)
    {
        var programme = Known(registered.ProgrammeId, registered.CountryCode);
        programme.ApplyRegistration(registered);
        return programme;
    }

    /// <summary>A programme first heard of through its approval; ProgrammeRegistered fills in the rest.</summary>
    public static KnownProgramme From(ProgrammeApproved approved)
    {
        var programme = Known(approved.ProgrammeId, approved.CountryCode);
        // Sorted by approval date until the period is known.
        programme.SortKey = $"{programme.CountryCode}|{approved.ApprovedOn:yyyy-MM-dd}|{approved.ProgrammeId:N}";
        programme.Approve(approved);
        return programme;
    }

    private static KnownProgramme Known(Guid programmeId, string countryCode)
    {
        if (programmeId == Guid.Empty)
            throw new DomainRuleException("A programme event must carry the programme's id.");
        // Coverage groups by country, so a code this platform does not know cannot be placed.
        if (!Countries.TryFind(countryCode, out var country))
            throw new DomainRuleException($"Programme {programmeId} names country '{countryCode}', which is not known.");
        // The region is derived from the reference data like everywhere else, so it cannot disagree with the country.
        return new KnownProgramme { Id = programmeId, CountryCode = country.Code, Region = country.Region };
    }

    /// <summary>Takes title and period from the registration; false when they were already known.</summary>
    public bool ApplyRegistration(ProgrammeRegistered registered)
    {
        if (RegisteredAt != default) return false;
        Title = registered.Title;
        PeriodStart = registered.PeriodStart;
        PeriodEnd = registered.PeriodEnd;
        RegisteredAt = registered.RegisteredAt;
        SortKey = $"{CountryCode}|{registered.PeriodStart:yyyy-MM-dd}|{Id:N}";
        return true;
    }

    /// <summary>Records the approval and its outcomes, keeping any outcome changed since; false when nothing changed.</summary>
    public bool Approve(ProgrammeApproved approved)
    {
        var changed = false;
        if (ApprovedAt is null)
        {
            (ApprovedOn, ApprovedAt) = (approved.ApprovedOn, approved.ApprovedAt);
            changed = true;
        }
        foreach (var outcome in approved.Outcomes)
            changed |= ApplyOutcome(outcome, withdrawn: false, approved.ApprovedAt);
        return changed;
    }

    /// <summary>Adds, changes or withdraws one outcome; false when this version is not newer than the one held.</summary>
    public bool ApplyOutcome(ProgrammeOutcome outcome, bool withdrawn, DateTimeOffset changedAt)
    {
        if (outcome.OutcomeId == Guid.Empty)
            throw new DomainRuleException($"An outcome of programme {Id} must carry its id.");
        var held = FindOutcome(outcome.OutcomeId);
        if (held is not null && held.ChangedAt >= changedAt) return false;
        if (held is null) Outcomes.Add(held = new KnownOutcome { Id = outcome.OutcomeId });
        held.Code = outcome.Code;
        held.Statement = outcome.Statement;
        held.StrategicObjective = outcome.StrategicObjective;
        held.ResourceNeedUsd = outcome.ResourceNeedUsd;
        held.Withdrawn = withdrawn;
        held.ChangedAt = changedAt;
        return true;
    }

    public KnownOutcome? FindOutcome(Guid outcomeId) => Outcomes.Find(o => o.Id == outcomeId);
}
