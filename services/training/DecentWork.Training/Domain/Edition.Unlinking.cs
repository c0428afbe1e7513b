using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;

namespace DecentWork.Training.Domain;

public sealed partial class Edition
{
    /// <summary>Links removed, in the order removed: nothing is deleted.</summary>
    public List<RemovedLink> RemovedLinks { get; private set; } = [];

    /// <summary>
    /// Removes the edition's link to one outcome (the programme too when no other outcome of it is
    /// linked) and raises EditionUnlinkedFromOutcome so the programme is recounted. False when not linked.
    /// </summary>
    public bool UnlinkFrom(Guid programmeId, Guid outcomeId, string reason, string removedBy, DateTimeOffset now)
    {
        if (!RemovedLink.IsValidReason(reason))
            throw new DomainRuleException($"Removing a link needs a reason of 1-{RemovedLink.MaxReasonLength} characters.");
        var link = LinkedOutcomes.FirstOrDefault(l => l.ProgrammeId == programmeId && l.OutcomeId == outcomeId);
        if (link is null) return false;
        LinkedOutcomes.Remove(link);
        RemovedLinks.Add(RemovedLink.Of(link, reason, removedBy, now));
        if (!LinkedOutcomes.Any(l => l.ProgrammeId == programmeId))
        {
            LinkedProgrammeIds.Remove(programmeId);
            LinkedProgrammeKeys = ProgrammeKeys.Of(LinkedProgrammeIds);
        }
        Raise(new EditionUnlinkedFromOutcome(Id, CourseId, programmeId, outcomeId, reason.Trim(), now, removedBy));
        return true;
    }
}
