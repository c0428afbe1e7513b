using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;

namespace DecentWork.Training.Domain;

public sealed partial class Edition
{
    /// <summary>Country programme outcomes this edition (not the whole course) is designed to serve.</summary>
    public List<OutcomeLink> LinkedOutcomes { get; private set; } = [];
    /// <summary>The programmes of <see cref="LinkedOutcomes"/>.</summary>
    public List<Guid> LinkedProgrammeIds { get; private set; } = [];
    /// <summary>See <see cref="ProgrammeKeys.Of"/>: "editions linked to programme X" is one query.</summary>
    public string LinkedProgrammeKeys { get; private set; } = "|";

    /// <summary>
    /// Links this edition to one of a programme's outcomes ("specially designed courses in support
    /// of one or more DWCPs" are often one edition of a general course, run for one country).
    /// The outcome must be known and not withdrawn, and a cancelled edition serves nothing;
    /// false (nothing changed) when already linked.
    /// </summary>
    public bool LinkTo(KnownProgramme programme, Guid outcomeId, DateTimeOffset now, string? changedBy = null)
    {
        if (Status == EditionStatus.Cancelled)
            throw new DomainRuleException($"Edition {Id} was cancelled: it cannot be linked to an outcome.");
        var outcome = programme.LinkableOutcome(outcomeId);
        if (LinkedOutcomes.Any(l => l.OutcomeId == outcomeId)) return false;
        LinkedOutcomes.Add(OutcomeLink.To(programme, outcome, now));
        if (!LinkedProgrammeIds.Contains(programme.Id))
        {
            LinkedProgrammeIds.Add(programme.Id);
            LinkedProgrammeKeys = ProgrammeKeys.Of(LinkedProgrammeIds);
        }
        Raise(new EditionLinkedToOutcome(Id, CourseId, programme.Id, outcomeId, now, changedBy));
        return true;
    }
}
