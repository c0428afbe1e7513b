using DecentWork.Contracts.Events.Programming;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class ProgrammeLifecycleTests
{
    [Fact]
    public void StartConsultation_WhenNotDraft_IsNotPossible()
    {
        var programme = Consulted();
        var error = Assert.Throws<DomainRuleException>(() => programme.StartConsultation(ByOfficer));
        Assert.Contains("must be Draft; it is InConsultation", error.Message);
    }

    [Fact]
    public void RecordConsultation_WhenStillDraft_IsNotPossible()
    {
        var programme = Draft();
        Assert.Throws<DomainRuleException>(() => programme.RecordConsultation(new(2007, 1, 1), "Dodoma", AllThreeGroups(), [], "", ByOfficer));
    }

    [Fact]
    public void RecordConsultation_WhenAGroupIsListedTwiceOrEmptyOrAPriorityIsUnknown_IsNotPossible()
    {
        var programme = Draft();
        programme.StartConsultation(ByOfficer);
        var twice = AllThreeGroups().Append(new() { Group = ConstituentGroup.Workers, Women = 1 }).ToList();
        List<Participation> nobody = [new() { Group = ConstituentGroup.Workers }];

        Assert.Throws<DomainRuleException>(() => programme.RecordConsultation(new(2007, 1, 1), "Dodoma", twice, [], "", ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.RecordConsultation(new(2007, 1, 1), "Dodoma", nobody, [], "", ByOfficer));
        var error = Assert.Throws<DomainRuleException>(() => programme.RecordConsultation(new(2007, 1, 1), "Dodoma", AllThreeGroups(), [Guid.NewGuid()], "", ByOfficer));
        Assert.Contains("only its own priorities", error.Message);
    }

    [Fact]
    public void SubmitForQualityAssurance_WhenNoConsultationHadAllThreeGroups_SaysWhatIsMissing()
    {
        var (programme, _) = WithOutcome();
        programme.StartConsultation(ByOfficer);
        programme.RecordConsultation(new(2007, 1, 1), "Dodoma", [.. AllThreeGroups().Take(2)], [], "", ByOfficer);

        var error = Assert.Throws<DomainRuleException>(() => programme.SubmitForQualityAssurance(ByOfficer));

        Assert.Equal("Quality assurance needs a recorded consultation in which government, employers and workers all took part.", error.Message);
    }

    [Fact]
    public void SubmitForQualityAssurance_WhenNoOutcomeAndNoConsultation_ListsBoth()
    {
        var programme = Draft();
        programme.StartConsultation(ByOfficer);
        var error = Assert.Throws<DomainRuleException>(() => programme.SubmitForQualityAssurance(ByOfficer));
        Assert.StartsWith("Quality assurance needs at least one outcome and a recorded consultation", error.Message);
    }

    [Fact]
    public void SubmitForQualityAssurance_WhenReady_RaisesTheEvent()
    {
        var programme = UnderQualityAssurance();
        Assert.Equal(ProgrammeStatus.UnderQualityAssurance, programme.Status);
        var raised = Assert.IsType<ProgrammeSubmittedForQualityAssurance>(programme.PendingEvents().Last());
        Assert.Equal("TZA", raised.CountryCode);
    }

    [Fact]
    public void RecordReview_WhenAQuestionIsUnanswered_IsNotPossible()
    {
        var programme = UnderQualityAssurance();
        var error = Assert.Throws<DomainRuleException>(() =>
            programme.RecordReview(ReviewingUnit.Headquarters, [.. FullChecklist().Skip(1)], ReviewDecision.Cleared, ByReviewer));
        Assert.Contains("DeficitAnalysisMatchesPriorities", error.Message);
    }

    [Fact]
    public void RecordReview_WhenNotUnderQualityAssurance_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Consulted().RecordReview(ReviewingUnit.Region, FullChecklist(), ReviewDecision.Cleared, ByReviewer));

    [Fact]
    public void RecordReview_WhenRevise_ReturnsTheProgrammeToConsultation()
    {
        var programme = UnderQualityAssurance();
        programme.RecordReview(ReviewingUnit.Headquarters, FullChecklist(passed: false), ReviewDecision.Revise, ByReviewer);
        Assert.Equal(ProgrammeStatus.InConsultation, programme.Status);
    }

    [Fact]
    public void Approve_WhenTheLastReviewAskedForRevision_IsNotPossible()
    {
        var programme = UnderQualityAssurance();
        programme.RecordReview(ReviewingUnit.Headquarters, FullChecklist(false), ReviewDecision.Revise, ByReviewer);
        programme.SubmitForQualityAssurance(ByOfficer);

        var error = Assert.Throws<DomainRuleException>(() => programme.Approve([], 0, ByOfficer));
        Assert.Contains("needs a cleared quality-assurance review", error.Message);
    }

    [Fact]
    public void Approve_WhenContentChangedAfterClearance_NeedsANewReview()
    {
        var programme = Signed();
        programme.ChangeOutcome(programme.Outcomes[0].Id, "TZA101", "Reworded", StrategicObjective.Employment, 1m, ByOfficer);

        var error = Assert.Throws<DomainRuleException>(() => programme.Approve([], 0, ByOfficer));
        Assert.Contains("record a new review", error.Message);

        programme.RecordReview(ReviewingUnit.Region, FullChecklist(), ReviewDecision.Cleared, ByReviewer);
        SignedByAll(programme).Approve([], 0, ByOfficer);
        Assert.Equal(ProgrammeStatus.Approved, programme.Status);
    }

    [Fact]
    public void Approve_WhenASignatoryIsMissing_IsNotPossible()
    {
        var programme = Cleared();
        programme.Sign(ConstituentGroup.Government, "Minister of Labour", new(2008, 2, 1), ByGovernment);
        programme.Sign(ConstituentGroup.Employers, "President", new(2008, 2, 3), ByEmployers);
        var error = Assert.Throws<DomainRuleException>(() => programme.Approve([], 0, ByOfficer));
        Assert.Contains("not signed for: workers", error.Message);
    }

    [Fact]
    public void Approve_WhenValid_RaisesProgrammeApprovedWithOutcomesOnTheLastSignature()
    {
        var programme = Signed();
        programme.Approve([], 0, ByOfficer);

        Assert.Equal(new DateOnly(2008, 2, 3), programme.ApprovedOn);
        var raised = Assert.IsType<ProgrammeApproved>(programme.PendingEvents().Last());
        Assert.Equal("Africa", raised.Region);
        Assert.Equal("TZA101", Assert.Single(raised.Outcomes).Code);
    }

    [Fact]
    public void Approve_WhenTheCountryHasAnActiveProgrammeOverAnOverlappingPeriod_IsNotPossible()
    {
        var active = Approved();
        active.Activate(ByOfficer);
        var programme = Signed();

        var error = Assert.Throws<DomainRuleException>(() => programme.Approve([active], 1, ByOfficer));
        Assert.Contains("overlaps", error.Message);

        active.Complete(ByOfficer);
        programme.Approve([active], 1, ByOfficer);
    }

    [Fact]
    public void Register_WhenAnApprovedProgrammeOverlaps_IsNotPossibleButDraftsAndLaterPeriodsAre()
    {
        var approved = Approved();
        var draft = Draft();

        Assert.Throws<DomainRuleException>(() =>
            Programme.Register(Tanzania, "Second", new(2010, 12, 31), new(2012, 1, 1), ByOfficer, [approved]));
        Programme.Register(Tanzania, "Competing draft", new(2006, 1, 1), new(2010, 12, 31), ByOfficer, [draft]);
        Programme.Register(Tanzania, "Next", new(2011, 1, 1), new(2015, 12, 31), ByOfficer, [approved]);
    }

    [Fact]
    public void Activate_Complete_Evaluate_WhenOutOfOrder_AreNotPossible()
    {
        var programme = Cleared();
        Assert.Throws<DomainRuleException>(() => programme.Activate(ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.Complete(ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.RecordEvaluation(EvaluationKind.Independent, new(2011, 6, 1), "Fine", ByOfficer));
    }

    [Fact]
    public void CompleteThenRecordEvaluation_RaiseTheirEvents()
    {
        var programme = Completed();
        Assert.IsType<ProgrammeCompleted>(programme.PendingEvents().Last());

        programme.RecordEvaluation(EvaluationKind.Tripartite, new(2011, 6, 1), " Relevant and effective ", ByOfficer);

        Assert.Equal(ProgrammeStatus.Evaluated, programme.Status);
        Assert.Equal("Relevant and effective", programme.Evaluation!.Summary);
        var raised = Assert.IsType<ProgrammeEvaluated>(programme.PendingEvents().Last());
        Assert.Equal("Tripartite", raised.EvaluationKind);
    }

    [Fact]
    public void RecordEvaluation_WhenSummaryIsBlank_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Completed().RecordEvaluation(EvaluationKind.Tripartite, new(2011, 6, 1), " ", ByOfficer));
}
