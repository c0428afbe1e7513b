using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class ProgrammeGovernanceTests
{
    [Fact]
    public void SetSteeringCommittee_ReplacesTheMembershipAndLeavesTheContentRevision()
    {
        var programme = Approved();
        var revision = programme.ContentRevision;

        programme.SetSteeringCommittee("National Tripartite Steering Committee", AllThreeGroups(), ByOfficer);
        programme.SetSteeringCommittee("NTSC", [new() { Group = ConstituentGroup.Workers, Women = 3, Men = 3 }], ByOfficer);

        Assert.Equal("NTSC", programme.SteeringCommittee!.Name);
        Assert.Equal(3, Assert.Single(programme.SteeringCommittee.Members).Women);
        Assert.Equal(revision, programme.ContentRevision);
    }

    [Fact]
    public void SetSteeringCommittee_WhenEvaluatedOrMembersAreInvalid_IsNotPossible()
    {
        var programme = Draft();
        Assert.Throws<DomainRuleException>(() => programme.SetSteeringCommittee("NTSC", [], ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.SetSteeringCommittee(" ", AllThreeGroups(), ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.SetSteeringCommittee("NTSC", [new() { Group = (ConstituentGroup)7, Women = 1 }], ByOfficer));

        var evaluated = Completed();
        evaluated.RecordEvaluation(EvaluationKind.Tripartite, new(2011, 1, 1), "Done", ByOfficer);
        var error = Assert.Throws<DomainRuleException>(() => evaluated.SetSteeringCommittee("NTSC", AllThreeGroups(), ByOfficer));
        Assert.Contains("closed record", error.Message);
    }

    [Fact]
    public void AddNationalFrameworkLink_IsContentSoAClearedReviewNoLongerCoversIt()
    {
        var programme = Signed();
        programme.AddNationalFrameworkLink(NationalFrameworkKind.Prsp, "PRSP II", "", ByOfficer);

        var error = Assert.Throws<DomainRuleException>(() => programme.Approve([], 0, ByOfficer));
        Assert.Contains("record a new review", error.Message);
        Assert.Empty(programme.Signatories);
        Assert.Equal("NationalFrameworkLinked", programme.History.Last().Action);
        Assert.Throws<DomainRuleException>(() => Completed().AddNationalFrameworkLink(NationalFrameworkKind.Other, "Late", "", ByOfficer));
    }
}
