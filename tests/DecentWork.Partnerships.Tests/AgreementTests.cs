using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Tests;

public class AgreementTests
{
    private static readonly DateTimeOffset Now = new(2008, 5, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2008, 5, 2);
    private static readonly Partner Norway = Partner.Register("Norway", PartnerCategory.BilateralGovernment, Now);

    private static Agreement Register(string title = "Framework 2008-2009", DateOnly? end = null, decimal pledged = 10m, params ThematicProvision[] provisions) =>
        Agreement.Register(Norway, title, AgreementKind.MultiYearFramework, new DateOnly(2008, 1, 1), end ?? new DateOnly(2009, 12, 31),
            pledged, "NOK", Earmarking.SoftlyEarmarked, provisions, Now);

    internal static AlignmentReview Review(bool priorities = true, bool cycles = true, bool predictable = true, bool reporting = true,
        bool principles = true, DateOnly? date = null) => new()
    {
        StrategicPriorities = new() { Met = priorities },
        ProgrammingCycles = new() { Met = cycles },
        PredictableFunding = new() { Met = predictable },
        HarmonisedReporting = new() { Met = reporting },
        CommonPrinciples = new() { Met = principles, Note = "no pooled funding" },
        Reviewer = "PARDEV",
        ReviewDate = date ?? Today,
    };

    [Fact]
    public void Register_WhenValid_KeepsEachProvisionOnceInOrderAndHasNoReview()
    {
        var agreement = Register("  Framework ", provisions: [ThematicProvision.TurinCentre, ThematicProvision.GenderEquality, ThematicProvision.TurinCentre]);

        Assert.Equal(("Framework", Norway.Id, 10m, "NOK"), (agreement.Title, agreement.PartnerId, agreement.PledgedAmount, agreement.PledgedCurrency));
        Assert.Equal([ThematicProvision.GenderEquality, ThematicProvision.TurinCentre], agreement.ThematicProvisions);
        Assert.Null(agreement.AlignmentReview);
    }

    [Fact]
    public void Register_WhenThePeriodEndsBeforeItStarts_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Register(end: new DateOnly(2007, 12, 31)));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Register_WhenNothingIsPledged_IsNotPossible(string pledged) =>
        Assert.Throws<DomainRuleException>(() => Register(pledged: decimal.Parse(pledged)));

    [Fact]
    public void Register_WhenTheTitleIsBlank_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Register(title: "  "));

    [Fact]
    public void ReviewAlignment_WhenReviewedAgain_KeepsTheLatestReview()
    {
        var agreement = Register();
        agreement.ReviewAlignment(Review(cycles: false), Today);
        agreement.ReviewAlignment(Review(cycles: true), Today);
        Assert.True(agreement.AlignmentReview!.ProgrammingCycles!.Met);
    }

    [Fact]
    public void ReviewAlignment_WhenACriterionIsMissing_IsNotPossible()
    {
        var review = Review();
        review.HarmonisedReporting = null;
        Assert.Throws<DomainRuleException>(() => Register().ReviewAlignment(review, Today));
    }

    [Fact]
    public void ReviewAlignment_WhenDatedInTheFuture_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Register().ReviewAlignment(Review(date: Today.AddDays(1)), Today));

    [Fact]
    public void CheckVersion_WhenStale_ConflictsAndZeroSkipsTheCheck()
    {
        var agreement = Register();
        agreement.CheckVersion(0);
        agreement.CheckVersion(agreement.Version);
        Assert.Throws<ConcurrencyConflictException>(() => agreement.CheckVersion(agreement.Version + 1));
    }

    [Fact]
    public void AlignmentTable_OfThePapersNineAgreements_Is9_5_8_5_2()
    {
        var reviews = new[]
        {
            Review(true, true, true, true, true), Review(true, true, true, true, true),
            Review(true, true, true, true, false), Review(true, true, true, true, false),
            Review(true, true, true, false, false), Review(true, false, true, true, false),
            Review(true, false, true, false, false), Review(true, false, true, false, false),
            Review(true, false, false, false, false),
        };

        Assert.Equal(new AlignmentTable(9, 9, 5, 8, 5, 2), AlignmentTable.Of(reviews));
    }

    private static Agreement Ppp() => Agreement.Register(Norway, "Partnership with a company", AgreementKind.PublicPrivatePartnership,
        new DateOnly(2008, 1, 1), new DateOnly(2009, 12, 31), 1m, "USD", Earmarking.Earmarked, [], Now);

    private static PppChecklist Checklist(DateOnly? on = null) => new() { CompletedBy = "PARDEV", CompletedOn = on ?? Today };

    [Fact]
    public void Sign_WhenAPublicPrivatePartnershipLacksItsChecklist_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => Ppp().Sign(Today, Today));
        Assert.Contains("checklist", error.Message);
    }

    [Fact]
    public void Sign_WhenThePppChecklistIsComplete_IsSignedAndTheChecklistIsThenClosed()
    {
        var agreement = Ppp();
        agreement.CompletePppChecklist(Checklist(), Today);
        agreement.Sign(Today, Today);
        Assert.Equal(Today, agreement.SignedOn);
        Assert.Throws<DomainRuleException>(() => agreement.CompletePppChecklist(Checklist(), Today));
        Assert.Throws<DomainRuleException>(() => agreement.Sign(Today, Today));
    }

    [Fact]
    public void Sign_WhenNotAPartnershipWithACompany_NeedsNoChecklistButNotAFutureDate()
    {
        var agreement = Register();
        Assert.Throws<DomainRuleException>(() => agreement.Sign(Today.AddDays(1), Today));
        agreement.Sign(Today, Today);
        Assert.Equal(Today, agreement.SignedOn);
    }

    [Fact]
    public void CompletePppChecklist_WhenNotAPublicPrivatePartnershipOrDatedInTheFuture_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => Register().CompletePppChecklist(Checklist(), Today));
        Assert.Throws<DomainRuleException>(() => Ppp().CompletePppChecklist(Checklist(Today.AddDays(1)), Today));
    }
}
