using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Partnerships.Domain.ProjectStatus;

namespace DecentWork.Partnerships.Tests;

/// <summary>The IATI activity-status rules after approval, one test per named rule, and the aggregate applying them.</summary>
public class ProjectStatusTests
{
    private static readonly DateTimeOffset Now = new(2008, 5, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2008, 5, 2);
    private const string By = "Project officer (staff-1)";

    private static Project Approved(DateOnly? on = null)
    {
        var project = Project.Register(ProjectTests.Plan(), Now);
        project.Appraise(ProjectTests.Appraisal(date: new DateOnly(2008, 2, 1)), Today);
        project.ReviewGender(new GenderPeerReview { Cleared = true, Reviewer = "GENDER", ReviewDate = new DateOnly(2008, 2, 1) }, Today);
        project.Approve(on ?? new DateOnly(2008, 3, 1), Today, By);
        return project;
    }

    [Theory]
    [InlineData(Implementation, true)]
    [InlineData(Pipeline, false)]
    [InlineData(Suspended, false)]
    [InlineData(Finalisation, false)]
    public void CanEnterFinalisation_OnlyFromImplementation(ProjectStatus from, bool allowed) =>
        Assert.Equal(allowed, ProjectTransitions.CanEnterFinalisation(from));

    [Theory]
    [InlineData(Finalisation, true)]
    [InlineData(Implementation, false)]
    [InlineData(Suspended, false)]
    [InlineData(Cancelled, false)]
    public void CanClose_OnlyFromFinalisation(ProjectStatus from, bool allowed) => Assert.Equal(allowed, ProjectTransitions.CanClose(from));

    [Theory]
    [InlineData(Implementation, true)]
    [InlineData(Pipeline, false)]
    [InlineData(Finalisation, false)]
    [InlineData(Suspended, false)]
    public void CanSuspend_OnlyFromImplementation(ProjectStatus from, bool allowed) => Assert.Equal(allowed, ProjectTransitions.CanSuspend(from));

    [Theory]
    [InlineData(Suspended, true)]
    [InlineData(Pipeline, false)]
    [InlineData(Closed, false)]
    public void CanResume_OnlyFromSuspended(ProjectStatus from, bool allowed) => Assert.Equal(allowed, ProjectTransitions.CanResume(from));

    [Theory]
    [InlineData(Pipeline, true)]
    [InlineData(Implementation, true)]
    [InlineData(Suspended, true)]
    [InlineData(Finalisation, false)]
    [InlineData(Closed, false)]
    [InlineData(Cancelled, false)]
    public void CanCancel_WhenNotFinalisedOrFinished(ProjectStatus from, bool allowed) => Assert.Equal(allowed, ProjectTransitions.CanCancel(from));

    [Theory]
    [InlineData(Suspended, true)]
    [InlineData(Cancelled, true)]
    [InlineData(Finalisation, false)]
    [InlineData(Closed, false)]
    [InlineData(Implementation, false)]
    public void NeedsReason_ForSuspensionAndCancellation(ProjectStatus to, bool needed) => Assert.Equal(needed, ProjectTransitions.NeedsReason(to));

    [Theory]
    [InlineData(Pipeline, Implementation)]
    [InlineData(Implementation, Pipeline)]
    [InlineData(Implementation, Closed)]
    [InlineData(Closed, Implementation)]
    [InlineData(Cancelled, Implementation)]
    [InlineData(Finalisation, Suspended)]
    [InlineData(Implementation, Implementation)]
    public void IsAllowed_WhenTheStepIsNotARule_IsFalse(ProjectStatus from, ProjectStatus to) => Assert.False(ProjectTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(Pipeline, Implementation, "approve it")]
    [InlineData(Closed, Implementation, "final")]
    [InlineData(Implementation, Implementation, "already")]
    [InlineData(Suspended, Pipeline, "cannot return to the pipeline")]
    [InlineData(Implementation, Closed, "allowed: implementation to finalisation")]
    public void Refusal_SaysWhatToDoInstead(ProjectStatus from, ProjectStatus to, string expected) =>
        Assert.Contains(expected, ProjectTransitions.Refusal("ZAM/08/01", from, to));

    [Fact]
    public void ChangeStatus_ThroughFinalisationToClosure_KeepsTheHistoryInOrder()
    {
        var project = Approved();
        project.ChangeStatus(Finalisation, "", new DateOnly(2008, 4, 1), Today, By);
        project.ChangeStatus(Closed, "final report accepted", new DateOnly(2008, 4, 30), Today, By);

        Assert.Equal(Closed, project.Status);
        Assert.Equal([(Pipeline, Implementation, new DateOnly(2008, 3, 1), ""), (Implementation, Finalisation, new DateOnly(2008, 4, 1), ""),
            (Finalisation, Closed, new DateOnly(2008, 4, 30), "final report accepted")],
            project.StatusChanges.Select(c => (c.From, c.To, c.ChangedOn, c.Reason)));
    }

    [Fact]
    public void ChangeStatus_WhenSuspendedThenResumedThenCancelled_EndsCancelled()
    {
        var project = Approved();
        project.ChangeStatus(Suspended, "  elections  ", new DateOnly(2008, 3, 10), Today, By);
        project.ChangeStatus(Implementation, "", new DateOnly(2008, 4, 1), Today, By);
        project.ChangeStatus(Cancelled, "donor withdrew", new DateOnly(2008, 4, 1), Today, By);

        Assert.Equal((Cancelled, "elections"), (project.Status, project.StatusChanges[1].Reason));
        Assert.Contains("final", Assert.Throws<DomainRuleException>(() => project.ChangeStatus(Implementation, "", Today, Today, By)).Message);
    }

    [Fact]
    public void ChangeStatus_WhenInThePipeline_AllowsOnlyCancellation()
    {
        var project = Project.Register(ProjectTests.Plan(), Now);
        Assert.Contains("ApproveProject", Assert.Throws<DomainRuleException>(() => project.ChangeStatus(Implementation, "", Today, Today, By)).Message);
        project.ChangeStatus(Cancelled, "no funding", Today, Today, By);
        Assert.Equal(Cancelled, project.Status);
    }

    [Theory]
    [InlineData(Suspended)]
    [InlineData(Cancelled)]
    public void ChangeStatus_WhenStoppingWithoutAReason_IsNotPossible(ProjectStatus to) =>
        Assert.Contains("reason", Assert.Throws<DomainRuleException>(() => Approved().ChangeStatus(to, " ", Today, Today, By)).Message);

    [Fact]
    public void ChangeStatus_WhenDatedBeforeTheLastChangeOrInTheFuture_IsNotPossible()
    {
        var project = Approved(new DateOnly(2008, 3, 1));
        Assert.Contains("2008-03-01", Assert.Throws<DomainRuleException>(() => project.ChangeStatus(Finalisation, "", new DateOnly(2008, 2, 28), Today, By)).Message);
        Assert.Contains("future", Assert.Throws<DomainRuleException>(() => project.ChangeStatus(Finalisation, "", Today.AddDays(1), Today, By)).Message);
        Assert.Equal(Implementation, project.Status);
    }

    [Fact]
    public void FollowsTheLastChange_WhenThereIsNoHistory_IsTrue() =>
        Assert.True(Project.Register(ProjectTests.Plan(), Now).FollowsTheLastChange(DateOnly.MinValue));

    [Fact]
    public void Approve_WhenDatedBeforeTheAppraisalOrInTheFuture_IsNotPossible()
    {
        var project = Project.Register(ProjectTests.Plan(), Now);
        project.Appraise(ProjectTests.Appraisal(date: new DateOnly(2008, 2, 1)), Today);
        project.ReviewGender(new GenderPeerReview { Cleared = true, Reviewer = "GENDER", ReviewDate = new DateOnly(2008, 2, 5) }, Today);

        Assert.False(project.ApprovalFollowsTheReviews(new DateOnly(2008, 2, 4)));
        Assert.Contains("before its appraisal", Assert.Throws<DomainRuleException>(() => project.Approve(new DateOnly(2008, 2, 4), Today, By)).Message);
        Assert.Throws<DomainRuleException>(() => project.Approve(Today.AddDays(1), Today, By));
        project.Approve(new DateOnly(2008, 2, 5), Today, By);
        Assert.Equal(Implementation, project.Status);
    }
}
