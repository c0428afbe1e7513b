using DecentWork.Contracts.Events.Training;
using DecentWork.ServiceDefaults;

namespace DecentWork.Training.Domain;

public sealed partial class Course
{
    /// <summary>
    /// Programmes linked as a whole (LinkCourseToProgramme) since this was recorded; a programme
    /// linked before, with no outcome link, is taken as linked as a whole too.
    /// </summary>
    public List<Guid> WholeProgrammeIds { get; private set; } = [];

    /// <summary>Links removed, in the order removed: nothing is deleted.</summary>
    public List<RemovedLink> RemovedLinks { get; private set; } = [];

    /// <summary>
    /// Removes the course's link to a programme, as a whole and through each of its outcomes, and
    /// raises CourseUnlinkedFromProgramme so the programme's training is recounted. False when the
    /// course is not linked to the programme.
    /// </summary>
    public bool UnlinkFrom(Guid programmeId, string reason, string removedBy, DateTimeOffset now)
    {
        RequireReason(reason);
        if (!LinkedProgrammeIds.Contains(programmeId)) return false;
        var asWhole = IsLinkedAsWhole(programmeId);
        foreach (var link in LinkedOutcomes.Where(l => l.ProgrammeId == programmeId).ToList())
        {
            LinkedOutcomes.Remove(link);
            RemovedLinks.Add(RemovedLink.Of(link, reason, removedBy, now));
        }
        if (asWhole) RemovedLinks.Add(RemovedLink.OfProgramme(programmeId, reason, removedBy, now));
        RemoveProgramme(programmeId, reason, removedBy, now);
        return true;
    }

    /// <summary>
    /// Removes the course's link to one outcome. The programme stays linked while another of its
    /// outcomes is, or it was linked as a whole; otherwise it is unlinked too (and recounted).
    /// False when the outcome is not linked.
    /// </summary>
    public bool UnlinkFrom(Guid programmeId, Guid outcomeId, string reason, string removedBy, DateTimeOffset now)
    {
        RequireReason(reason);
        var link = LinkedOutcomes.FirstOrDefault(l => l.ProgrammeId == programmeId && l.OutcomeId == outcomeId);
        if (link is null) return false;
        // Judged before the removal: a programme with no outcome link left would otherwise look "linked as a whole".
        var keepsProgramme = WholeProgrammeIds.Contains(programmeId) || LinkedOutcomes.Any(l => l.ProgrammeId == programmeId && l.OutcomeId != outcomeId);
        LinkedOutcomes.Remove(link);
        RemovedLinks.Add(RemovedLink.Of(link, reason, removedBy, now));
        if (!keepsProgramme) RemoveProgramme(programmeId, reason, removedBy, now);
        return true;
    }

    private bool IsLinkedAsWhole(Guid programmeId) =>
        WholeProgrammeIds.Contains(programmeId) || !LinkedOutcomes.Any(l => l.ProgrammeId == programmeId);

    private void RemoveProgramme(Guid programmeId, string reason, string removedBy, DateTimeOffset now)
    {
        LinkedProgrammeIds.Remove(programmeId);
        WholeProgrammeIds.Remove(programmeId);
        LinkedProgrammeKeys = ProgrammeKeys.Of(LinkedProgrammeIds);
        Raise(new CourseUnlinkedFromProgramme(Id, programmeId, reason.Trim(), now, removedBy));
    }

    private static void RequireReason(string reason)
    {
        if (!RemovedLink.IsValidReason(reason))
            throw new DomainRuleException($"Removing a link needs a reason of 1-{RemovedLink.MaxReasonLength} characters.");
    }
}
