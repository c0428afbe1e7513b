using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>From signature to evaluation.</summary>
public sealed partial class Programme
{
    public const int MaxSummaryLength = 4000;

    public List<Signatory> Signatories { get; private set; } = [];
    public DateOnly? ApprovedOn { get; private set; }
    public Evaluation? Evaluation { get; private set; }

    /// <summary>
    /// Signed (<see cref="Sign"/>) by government, employers and workers. Needs the last review
    /// cleared for the content as it now stands, and no other binding programme of the country over
    /// an overlapping period. <paramref name="lastApprovalInCountry"/> is the highest approval
    /// sequence of the country, read before <paramref name="sameCountry"/>; the approval takes the next slot.
    /// </summary>
    public void Approve(IEnumerable<Programme> sameCountry, int lastApprovalInCountry, Change change)
    {
        EnsureStatus(ProgrammeStatus.UnderQualityAssurance, "approve it");
        EnsureClearedForCurrentContent("Approval");
        EnsureSignedByAllThreeGroups();
        EnsureNoOverlapWithBindingProgramme(CountryCode, PeriodStart, PeriodEnd, Id, sameCountry);
        TakeApprovalSlot(lastApprovalInCountry);

        ApprovedOn = Signatories.Max(s => s.SignedOn); // in force once the last party signed
        Status = ProgrammeStatus.Approved;
        Raise(new ProgrammeApproved(Id, CountryCode, Region.ToString(), ApprovedOn.Value,
            [.. Outcomes.Where(o => !o.Withdrawn).Select(ToEvent)], change.At, change.By));
        Record(change, "Approved", $"on {ApprovedOn:yyyy-MM-dd}, content revision {ContentRevision}");
    }

    /// <param name="step">"Approval" or "Signing", for the message.</param>
    private void EnsureClearedForCurrentContent(string step)
    {
        var last = Reviews.LastOrDefault();
        if (last is null || last.Decision != ReviewDecision.Cleared)
            throw new DomainRuleException($"{step} needs a cleared quality-assurance review; none has been recorded since submission.");
        if (last.ContentRevision != ContentRevision)
            throw new DomainRuleException(
                $"The cleared review covers content revision {last.ContentRevision}, but the priorities or outcomes changed since (now revision {ContentRevision}); record a new review.");
    }

    public void Activate(Change change)
    {
        EnsureStatus(ProgrammeStatus.Approved, "activate it");
        Status = ProgrammeStatus.Active;
        Record(change, "Activated", "");
    }

    public void Complete(Change change)
    {
        EnsureStatus(ProgrammeStatus.Active, "complete it");
        Status = ProgrammeStatus.Completed;
        Raise(new ProgrammeCompleted(Id, change.At, change.By));
        Record(change, "Completed", "");
    }

    public void RecordEvaluation(EvaluationKind kind, DateOnly evaluatedOn, string summary, Change change)
    {
        EnsureStatus(ProgrammeStatus.Completed, "record its evaluation");
        DateRules.EnsureHappened(evaluatedOn, change.At, "An evaluation");
        if (string.IsNullOrWhiteSpace(summary) || summary.Length > MaxSummaryLength)
            throw new DomainRuleException($"An evaluation needs a summary of 1-{MaxSummaryLength} characters.");
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("An evaluation is tripartite or independent.");
        Evaluation = new Evaluation { Kind = kind, EvaluatedOn = evaluatedOn, Summary = summary.Trim() };
        Status = ProgrammeStatus.Evaluated;
        Raise(new ProgrammeEvaluated(Id, kind.ToString(), evaluatedOn, change.At, change.By));
        Record(change, "Evaluated", $"{kind} evaluation on {evaluatedOn:yyyy-MM-dd}");
    }
}
