using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>From draft to a cleared review: consultation with the constituents, then quality assurance.</summary>
public sealed partial class Programme
{
    public List<Consultation> Consultations { get; private set; } = [];
    public List<QualityAssuranceReview> Reviews { get; private set; } = [];

    /// <summary>The subject who last submitted it for quality assurance; empty until then.</summary>
    public string SubmittedBy { get; private set; } = "";

    /// <summary>Everyone who ever submitted it: after a "revise" and a resubmission by someone else, the first submitter is still no independent reviewer.</summary>
    public List<string> Submitters { get; private set; } = [];

    public void StartConsultation(Change change)
    {
        EnsureStatus(ProgrammeStatus.Draft, "start a consultation");
        Status = ProgrammeStatus.InConsultation;
        Record(change, "ConsultationStarted", "");
    }

    public Consultation RecordConsultation(DateOnly heldOn, string place, IReadOnlyList<Participation> participants,
        IReadOnlyList<Guid> agreedPriorityIds, string documentUri, Change change)
    {
        EnsureStatus(ProgrammeStatus.InConsultation, "record a consultation");
        DateRules.EnsureHappened(heldOn, change.At, "A consultation");
        EnsureCountsValid(participants, "A consultation");
        var unknown = agreedPriorityIds.Where(id => Priorities.All(p => p.Id != id)).ToList();
        if (unknown.Count > 0)
            throw new DomainRuleException($"The programme has no priority {string.Join(", ", unknown)}; only its own priorities can be agreed.");

        var consultation = new Consultation
        {
            Id = Guid.NewGuid(), HeldOn = heldOn, Place = place.Trim(), Participants = [.. participants],
            AgreedPriorityIds = [.. agreedPriorityIds.Distinct()], DocumentUri = documentUri,
        };
        Consultations.Add(consultation);
        Record(change, "ConsultationRecorded", $"{heldOn:yyyy-MM-dd} {consultation.Place}: {Describe(participants)}");
        return consultation;
    }

    public void SubmitForQualityAssurance(Change change)
    {
        EnsureStatus(ProgrammeStatus.InConsultation, "submit it for quality assurance");
        var missing = new List<string>();
        if (!Outcomes.Any(o => !o.Withdrawn)) missing.Add("at least one outcome");
        if (!Consultations.Any(TookPartAllThreeGroups))
            missing.Add("a recorded consultation in which government, employers and workers all took part");
        if (missing.Count > 0)
            throw new DomainRuleException($"Quality assurance needs {string.Join(" and ", missing)}.");
        Status = ProgrammeStatus.UnderQualityAssurance;
        SubmittedBy = change.BySubject;
        if (!Submitters.Contains(change.BySubject)) Submitters.Add(change.BySubject);
        Raise(new ProgrammeSubmittedForQualityAssurance(Id, CountryCode, change.At, change.By));
        Record(change, "SubmittedForQualityAssurance", $"content revision {ContentRevision}");
    }

    private static bool TookPartAllThreeGroups(Consultation c) =>
        Enum.GetValues<ConstituentGroup>().All(g => c.Participants.Any(p => p.Group == g && p.Women + p.Men > 0));

    /// <summary>
    /// Records a review of the content as it stands now. A cleared review keeps the programme under
    /// quality assurance, ready for approval. "Revise" sends it back to consultation rather than to
    /// draft: the constituents rework it with the office, and their recorded consultations still count.
    /// </summary>
    public QualityAssuranceReview RecordReview(ReviewingUnit unit, IReadOnlyList<ChecklistResult> checklist, ReviewDecision decision, Change change)
    {
        EnsureStatus(ProgrammeStatus.UnderQualityAssurance, "record a quality-assurance review");
        EnsureReviewerIsIndependent(change.BySubject);
        var unanswered = Enum.GetValues<QualityCriterion>().Where(c => checklist.Count(i => i.Criterion == c) != 1).ToList();
        if (unanswered.Count > 0 || checklist.Count != Enum.GetValues<QualityCriterion>().Length)
            throw new DomainRuleException($"A review answers each of the five checklist questions exactly once; missing or repeated: {string.Join(", ", unanswered)}.");
        var review = new QualityAssuranceReview
        {
            Id = Guid.NewGuid(), ReviewingUnit = unit, Checklist = [.. checklist], Decision = decision,
            ContentRevision = ContentRevision, RecordedAt = change.At,
        };
        Reviews.Add(review);
        // Signatures are given to a cleared review; a newer review, whatever it says, supersedes it.
        Signatories.Clear();
        if (decision == ReviewDecision.Revise) Status = ProgrammeStatus.InConsultation;
        Record(change, "QualityAssuranceReviewed",
            $"{unit}: {decision} for content revision {ContentRevision}, {checklist.Count(i => i.Passed)}/5 passed");
        return review;
    }

    private void EnsureStatus(ProgrammeStatus required, string action)
    {
        if (Status != required)
            throw new DomainRuleException($"To {action} the programme must be {required}; it is {Status}.");
    }
}
