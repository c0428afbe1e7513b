namespace DecentWork.Partnerships.Domain;

/// <summary>
/// The programmes and outcomes an approval names, checked against partnerships' view of
/// programming's programmes (<see cref="ProgrammeNeeds"/>). Programming faults a FundingApproved
/// naming a programme it never registered into its error queue, so such an approval is refused
/// here instead of being recorded where no programme shows it. Built over the views the caller
/// loaded for the approval: those of the programmes it names and of the outcomes it names alone.
/// </summary>
public sealed class FundingTargets(IEnumerable<ProgrammeNeeds> known)
{
    private readonly List<ProgrammeNeeds> _known = [.. known];

    /// <summary>Every programme the approval names, at the top or in an allocation.</summary>
    public static IEnumerable<Guid> ProgrammesNamed(FundingTerms terms) =>
        terms.Allocations.Select(a => a.ProgrammeId).Prepend(terms.ProgrammeId).OfType<Guid>().Distinct();

    /// <summary>Outcomes named by allocations that name no programme, neither theirs nor the approval's: found by the outcome alone.</summary>
    public static IEnumerable<Guid> OutcomesNamedAlone(FundingTerms terms) =>
        terms.Allocations.Where(a => ProgrammeOf(a, terms) is null).Select(a => a.OutcomeId).OfType<Guid>().Distinct();

    /// <summary>The programme an allocation's outcome and country belong to: its own, else the approval's.</summary>
    public static Guid? ProgrammeOf(Allocation allocation, FundingTerms terms) => allocation.ProgrammeId ?? terms.ProgrammeId;

    public ProgrammeNeeds? Programme(Guid programmeId) => _known.Find(p => p.Id == programmeId);

    public ProgrammeNeeds? ProgrammeWithOutcome(Guid outcomeId) => _known.Find(p => p.Outcomes.Exists(o => o.OutcomeId == outcomeId));

    /// <summary>Every programme named must be one programming announced (registered at least).</summary>
    public void CheckProgrammesKnown(FundingTerms terms)
    {
        foreach (var programmeId in ProgrammesNamed(terms))
            if (Programme(programmeId) is null) throw ProgrammeNeeds.UnknownProgramme(programmeId);
    }

    /// <summary>
    /// Every outcome named must be an outcome, not withdrawn, of the allocation's programme; named
    /// without a programme, of some programme partnerships knows.
    /// </summary>
    public void CheckOutcomesFundable(FundingTerms terms)
    {
        foreach (var allocation in terms.Allocations)
            if (allocation.OutcomeId is { } outcomeId)
                FundableOutcome(outcomeId, ProgrammeOf(allocation, terms));
    }

    /// <summary>The outcome, checked against the given programme, or against the one holding it when none is given.</summary>
    public OutcomeNeed FundableOutcome(Guid outcomeId, Guid? programmeId = null)
    {
        var programme = programmeId is { } id
            ? Programme(id) ?? throw ProgrammeNeeds.UnknownProgramme(id)
            : ProgrammeWithOutcome(outcomeId) ?? throw ProgrammeNeeds.UnknownOutcome(outcomeId);
        return programme.FundableOutcome(outcomeId);
    }

    /// <summary>
    /// An allocation naming a country and a programme (its own, the approval's, or its outcome's)
    /// names the programme's country; true when either is missing, so there is nothing to contradict.
    /// </summary>
    public bool CountryFits(Allocation allocation, FundingTerms terms) =>
        allocation.CountryCode is not { } country || CountryProgramme(allocation, terms) is not { } programme || programme.IsInCountry(country);

    /// <summary>The programme whose country an allocation's country must be, if partnerships knows one.</summary>
    public ProgrammeNeeds? CountryProgramme(Allocation allocation, FundingTerms terms) =>
        ProgrammeOf(allocation, terms) is { } id ? Programme(id)
        : allocation.OutcomeId is { } outcomeId ? ProgrammeWithOutcome(outcomeId)
        : null;

    /// <summary>
    /// An allocation to an outcome that names no strategic objective takes the outcome's, from
    /// programming's view here (ProgrammeApproved and ProgrammeOutcomeChanged carry it). It is
    /// recorded on the allocation rather than looked up when reporting, so the totals by objective
    /// stay a pure function of the approval (a projection), and a later change of the outcome does
    /// not rewrite what was allocated in past years. Call after <see cref="CheckOutcomesFundable"/>.
    /// </summary>
    public void TakeObjectivesFromOutcomes(FundingTerms terms)
    {
        foreach (var allocation in terms.Allocations)
            if (allocation is { OutcomeId: { } outcomeId, StrategicObjective: null })
                allocation.StrategicObjective = FundableOutcome(outcomeId, ProgrammeOf(allocation, terms)).StrategicObjective switch
                {
                    var objective when Allocation.IsValidStrategicObjective(objective) => objective,
                    _ => null,
                };
    }
}
