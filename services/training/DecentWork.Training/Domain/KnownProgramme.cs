using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>
/// Training's own view of a DWCP and its country programme outcomes, built from programming's
/// ProgrammeRegistered, ProgrammeApproved and ProgrammeOutcomeChanged events, so that a course or
/// an edition can only be linked to a programme and an outcome that exist, without calling
/// programming on each link. The events travel on separate queues and may arrive in any order:
/// each applies only what it carries, and an outcome keeps its latest version.
/// </summary>
public sealed class KnownProgramme : Aggregate
{
    private KnownProgramme() { }

    public string CountryCode { get; private set; } = "";
    /// <summary>Empty until ProgrammeRegistered arrives (an approval may arrive first).</summary>
    public string Title { get; private set; } = "";
    public bool Registered { get; private set; }
    public List<KnownOutcome> Outcomes { get; private set; } = [];

    /// <summary>Records a programme the programming service announced; its id is programming's id.</summary>
    public static KnownProgramme Heard(Guid programmeId, string countryCode, string title)
    {
        var programme = Known(programmeId, countryCode);
        programme.ApplyRegistration(title);
        return programme;
    }

    /// <summary>A programme first heard of through its approval; ProgrammeRegistered fills in the title.</summary>
    public static KnownProgramme HeardApproved(ProgrammeApproved approved)
    {
        var programme = Known(approved.ProgrammeId, approved.CountryCode);
        programme.Approve(approved);
        return programme;
    }

    private static KnownProgramme Known(Guid programmeId, string countryCode)
    {
        if (programmeId == Guid.Empty) throw new DomainRuleException("A programme announcement must carry the programme's id.");
        return new KnownProgramme { Id = programmeId, CountryCode = countryCode.ToUpperInvariant() };
    }

    /// <summary>Takes the title from the registration; false when the registration was already applied.</summary>
    public bool ApplyRegistration(string title)
    {
        if (Registered) return false;
        (Title, Registered) = (title, true);
        return true;
    }

    /// <summary>Records the outcomes the programme was approved with, keeping any changed since; false when nothing changed.</summary>
    public bool Approve(ProgrammeApproved approved)
    {
        var changed = false;
        foreach (var outcome in approved.Outcomes)
            changed |= ApplyOutcome(outcome, withdrawn: false, approved.ApprovedAt);
        return changed;
    }

    /// <summary>Adds, changes or withdraws one outcome; false when this version is not newer than the one held.</summary>
    public bool ApplyOutcome(ProgrammeOutcome outcome, bool withdrawn, DateTimeOffset changedAt)
    {
        if (outcome.OutcomeId == Guid.Empty) throw new DomainRuleException($"An outcome of programme {Id} must carry its id.");
        var held = Outcomes.Find(o => o.Id == outcome.OutcomeId);
        if (held is not null && held.ChangedAt >= changedAt) return false;
        if (held is null) Outcomes.Add(held = new KnownOutcome { Id = outcome.OutcomeId });
        (held.Code, held.Statement, held.StrategicObjective, held.Withdrawn, held.ChangedAt) =
            (outcome.Code, outcome.Statement, outcome.StrategicObjective, withdrawn, changedAt);
        return true;
    }

    /// <summary>
    /// The outcome a course or edition may be linked to: one training heard of through the
    /// programme's approval or a later change, and not withdrawn since.
    /// </summary>
    public KnownOutcome LinkableOutcome(Guid outcomeId)
    {
        var outcome = Outcomes.Find(o => o.Id == outcomeId)
            ?? throw new NotKnownYetException("Outcome", outcomeId,
                $"Training has not heard of outcome '{outcomeId}' of programme '{Id}': outcomes become known when the programme is approved or an outcome is added after approval.");
        if (outcome.Withdrawn)
            throw new DomainRuleException($"Outcome '{outcome.Code}' ({outcomeId}) of programme '{Id}' was withdrawn; it can no longer be linked.");
        return outcome;
    }
}

/// <summary>A country programme outcome as training knows it.</summary>
public sealed class KnownOutcome
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Statement { get; set; } = "";
    /// <summary>1 standards and rights, 2 employment, 3 social protection, 4 social dialogue.</summary>
    public int StrategicObjective { get; set; }
    public bool Withdrawn { get; set; }
    /// <summary>When programming made this version; an older version arriving late is ignored.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
