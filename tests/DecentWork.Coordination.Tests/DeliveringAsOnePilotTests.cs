using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

public class DeliveringAsOnePilotTests
{
    private static readonly DateTimeOffset Now = new(2007, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static DeliveringAsOnePilot Pakistan() => DeliveringAsOnePilot.Register(Countries.ByCode["PAK"], 2007, Now);

    [Theory]
    [InlineData(2005)]
    [InlineData(2101)]
    public void Register_WhenTheYearIsOutOfRange_IsNotPossible(int year) =>
        Assert.Throws<DomainRuleException>(() => DeliveringAsOnePilot.Register(Countries.ByCode["PAK"], year, Now));

    [Fact]
    public void SetWorkingGroup_WhenTheNameIsNewOrKnown_AddsThenReplacesInPlace()
    {
        var pilot = Pakistan();
        pilot.SetWorkingGroup(" Agriculture, Rural Development and Poverty Reduction ", ["fao", "FAO", "UNDP"], OrganisationRole.CoChair);
        pilot.SetWorkingGroup("Education", ["UNESCO"], OrganisationRole.Member);

        pilot.SetWorkingGroup("agriculture, rural development and poverty reduction", ["FAO"], OrganisationRole.Chair);

        Assert.Equal(["agriculture, rural development and poverty reduction", "Education"], pilot.WorkingGroups.Select(g => g.Name));
        Assert.Equal(OrganisationRole.Chair, pilot.WorkingGroups[0].OrganisationRole);
        Assert.Equal(["FAO"], pilot.WorkingGroups[0].Agencies);
    }

    [Fact]
    public void SetWorkingGroup_WhenAgenciesRepeat_KeepsEachOnceUpperCase()
    {
        var pilot = Pakistan();
        pilot.SetWorkingGroup("Health", ["who", "WHO", "unfpa"], OrganisationRole.Member);
        Assert.Equal(["WHO", "UNFPA"], pilot.WorkingGroups[0].Agencies);
    }

    [Fact]
    public void SetWorkingGroup_WhenNameRoleOrAgencyIsBad_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => Pakistan().SetWorkingGroup(" ", [], OrganisationRole.Member));
        Assert.Throws<DomainRuleException>(() => Pakistan().SetWorkingGroup("Health", [], (OrganisationRole)0));
        Assert.Throws<DomainRuleException>(() => Pakistan().SetWorkingGroup("Health", ["W"], OrganisationRole.Member));
    }
}
