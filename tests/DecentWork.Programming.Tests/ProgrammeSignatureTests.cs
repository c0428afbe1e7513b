using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

/// <summary>Signatures by the constituents and separation of duties in quality assurance, as rules of the aggregate.</summary>
public class ProgrammeSignatureTests
{
    [Fact]
    public void RecordReview_WhenTheReviewerDraftedTheProgramme_IsNotPossible()
    {
        var programme = UnderQualityAssurance(); // drafted and submitted by ByOfficer
        var error = Assert.Throws<SeparationOfDutiesException>(() =>
            programme.RecordReview(ReviewingUnit.Region, FullChecklist(), ReviewDecision.Cleared, ByOfficer));
        Assert.StartsWith("separation of duties:", error.Message);
        Assert.Empty(programme.Reviews);
    }

    [Fact]
    public void RecordReview_WhenTheReviewerSubmittedTheProgramme_IsNotPossible()
    {
        var programme = Consulted();
        var submitter = new Change("hq-officer", "HQ officer", Now);
        programme.SubmitForQualityAssurance(submitter);

        var error = Assert.Throws<SeparationOfDutiesException>(() =>
            programme.RecordReview(ReviewingUnit.Headquarters, FullChecklist(), ReviewDecision.Cleared, submitter));
        Assert.Contains("submitted", error.Message);
        programme.RecordReview(ReviewingUnit.Headquarters, FullChecklist(), ReviewDecision.Cleared, ByReviewer);
        Assert.Equal(("officer@ilo.org", "hq-officer"), (programme.DraftedBy, programme.SubmittedBy));
    }

    [Fact]
    public void RecordReview_WhenTheReviewerSubmittedAnEarlierRound_IsNotPossible()
    {
        var programme = Consulted();
        var firstSubmitter = new Change("hq-officer", "HQ officer", Now);
        programme.SubmitForQualityAssurance(firstSubmitter);
        programme.RecordReview(ReviewingUnit.Region, FullChecklist(), ReviewDecision.Revise, ByReviewer);
        programme.SubmitForQualityAssurance(new Change("another-officer", "Another officer", Now));

        var error = Assert.Throws<SeparationOfDutiesException>(() =>
            programme.RecordReview(ReviewingUnit.Headquarters, FullChecklist(), ReviewDecision.Cleared, firstSubmitter));
        Assert.Contains("submitted", error.Message);
        Assert.Equal(["hq-officer", "another-officer"], programme.Submitters);
    }

    [Fact]
    public void Sign_WhenAnotherSignerHoldsTheGroup_IsNotPossible()
    {
        var programme = Cleared();
        programme.Sign(ConstituentGroup.Workers, "Secretary General", new(2008, 2, 2), ByWorkers);

        var error = Assert.Throws<DomainRuleException>(() =>
            programme.Sign(ConstituentGroup.Workers, "President", new(2008, 2, 2), new Change("rival", "Rival union", Now)));
        Assert.Contains("already signed for workers", error.Message);
        programme.Sign(ConstituentGroup.Workers, "Secretary General", new(2008, 2, 5), ByWorkers);
        Assert.Equal(new DateOnly(2008, 2, 5), Assert.Single(programme.Signatories).SignedOn);
    }

    [Fact]
    public void Approve_WhenOnePersonSignedForTwoGroups_IsNotPossible()
    {
        var programme = Cleared();
        programme.Sign(ConstituentGroup.Government, "Minister", new(2008, 2, 1), ByGovernment);
        programme.Sign(ConstituentGroup.Employers, "Minister again", new(2008, 2, 1), ByGovernment);
        programme.Sign(ConstituentGroup.Workers, "Secretary General", new(2008, 2, 1), ByWorkers);

        var error = Assert.Throws<DomainRuleException>(() => programme.Approve([], 0, ByOfficer));
        Assert.Contains("three different signers", error.Message);
    }

    [Fact]
    public void Sign_WhenNotClearedOrWithoutAFunction_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => UnderQualityAssurance().Sign(ConstituentGroup.Government, "Minister", new(2008, 2, 1), ByGovernment));
        Assert.Throws<DomainRuleException>(() => Cleared().Sign(ConstituentGroup.Government, " ", new(2008, 2, 1), ByGovernment));
    }

    [Fact]
    public void RecordReview_AfterSigning_DiscardsTheSignatures()
    {
        var programme = Signed();
        programme.RecordReview(ReviewingUnit.Headquarters, FullChecklist(), ReviewDecision.Cleared, ByReviewer);
        Assert.Empty(programme.Signatories);
    }
}
