using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Tests;

public class ProjectTests
{
    private static readonly DateTimeOffset Now = new(2008, 5, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2008, 5, 2);
    private const string By = "Project officer (staff-1)";

    internal static ProjectPlan Plan(string code = "zam/07/01/nor", decimal budget = 2_000_000m, Guid[]? outcomes = null, int[]? objectives = null) =>
        new(code, "Youth employment in Zambia", ["ZMB", "ZMB"], [Guid.NewGuid()], budget,
            new DateOnly(2008, 1, 1), new DateOnly(2010, 12, 31), outcomes ?? [Guid.NewGuid()], objectives ?? [2, 2]);

    internal static ProjectAppraisal Appraisal(bool legal = true, DateOnly? date = null) => new()
    {
        Relevance = new() { Satisfactory = true }, Design = new() { Satisfactory = true },
        FinancialFeasibility = new() { Satisfactory = true }, LegalFeasibility = new() { Satisfactory = legal },
        Sustainability = new() { Satisfactory = true }, Coherence = new() { Satisfactory = true },
        Appraiser = "PARDEV", AppraisalDate = date ?? Today,
    };

    private static GenderPeerReview Gender(bool cleared = true) => new() { Cleared = cleared, Reviewer = "GENDER", ReviewDate = Today };

    [Fact]
    public void Register_WhenValid_IsInThePipelineWithAnUpperCaseCodeAndDistinctLists()
    {
        var project = Project.Register(Plan(), Now);
        Assert.Equal((ProjectStatus.Pipeline, "ZAM/07/01/NOR", "ZAM/07/01/NOR"), (project.Status, project.Code, project.SortKey));
        Assert.Equal(["ZMB"], project.CountryCodes);
        Assert.Equal([2], project.StrategicObjectives);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Register_WhenTheBudgetIsNotPositive_IsNotPossible(string budget) =>
        Assert.Throws<DomainRuleException>(() => Project.Register(Plan(budget: decimal.Parse(budget)), Now));

    [Fact]
    public void Register_WhenAnObjectiveIsNot1To4_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Project.Register(Plan(objectives: [5]), Now));

    [Fact]
    public void Register_WhenItEndsBeforeItStarts_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Project.Register(Plan() with { EndDate = new DateOnly(2007, 1, 1) }, Now));

    [Fact]
    public void Approve_WhenAppraisedSatisfactorilyAndClearedForGender_MovesToImplementation()
    {
        var project = Project.Register(Plan(), Now);
        project.Appraise(Appraisal(), Today);
        project.ReviewGender(Gender(), Today);
        project.Approve(Today, Today, By);
        Assert.Equal(ProjectStatus.Implementation, project.Status);
        var change = Assert.Single(project.StatusChanges);
        Assert.Equal((ProjectStatus.Pipeline, ProjectStatus.Implementation, Today), (change.From, change.To, change.ChangedOn));
    }

    [Fact]
    public void Approve_WhenNotAppraised_IsNotPossible()
    {
        var project = Project.Register(Plan(), Now);
        project.ReviewGender(Gender(), Today);
        Assert.Contains("appraised", Assert.Throws<DomainRuleException>(() => project.Approve(Today, Today, By)).Message);
    }

    [Fact]
    public void Approve_WhenTheAppraisalFoundACriterionUnsatisfactory_NamesIt()
    {
        var project = Project.Register(Plan(), Now);
        project.Appraise(Appraisal(legal: false), Today);
        project.ReviewGender(Gender(), Today);
        Assert.Contains("legal feasibility", Assert.Throws<DomainRuleException>(() => project.Approve(Today, Today, By)).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Approve_WhenTheGenderReviewIsMissingOrDidNotClear_IsNotPossible(bool? cleared)
    {
        var project = Project.Register(Plan(), Now);
        project.Appraise(Appraisal(), Today);
        if (cleared is { } c) project.ReviewGender(Gender(c), Today);
        Assert.Contains("gender", Assert.Throws<DomainRuleException>(() => project.Approve(Today, Today, By)).Message);
    }

    [Fact]
    public void AppraiseAndApprove_WhenNoLongerInThePipeline_AreNotPossible()
    {
        var project = Project.Register(Plan(), Now);
        project.Appraise(Appraisal(), Today);
        project.ReviewGender(Gender(), Today);
        project.Approve(Today, Today, By);
        Assert.Throws<DomainRuleException>(() => project.Approve(Today, Today, By));
        Assert.Throws<DomainRuleException>(() => project.Appraise(Appraisal(), Today));
        Assert.Throws<DomainRuleException>(() => project.ReviewGender(Gender(), Today));
    }

    [Fact]
    public void Appraise_WhenIncompleteOrInTheFuture_IsNotPossible()
    {
        var incomplete = Appraisal();
        incomplete.Coherence = null;
        Assert.Throws<DomainRuleException>(() => Project.Register(Plan(), Now).Appraise(incomplete, Today));
        Assert.Throws<DomainRuleException>(() => Project.Register(Plan(), Now).Appraise(Appraisal(date: Today.AddDays(1)), Today));
    }

    [Fact]
    public void CheckVersion_WhenStale_Conflicts() =>
        Assert.Throws<ConcurrencyConflictException>(() => Project.Register(Plan(), Now).CheckVersion(2));

    [Fact]
    public void ProjectLinkage_CountsProjectsLinkedToOutcomesObjectivesAndBoth()
    {
        var linkage = ProjectLinkage.Of(
        [
            Project.Register(Plan(), Now), Project.Register(Plan(), Now),
            Project.Register(Plan(outcomes: []), Now), Project.Register(Plan(objectives: []), Now),
        ]);
        Assert.Equal(new ProjectLinkage(4, 3, 3, 2), linkage);
        Assert.Equal("50.00", linkage.LinkedSharePercent());
    }
}
