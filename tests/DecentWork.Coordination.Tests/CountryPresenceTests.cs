using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

public class CountryPresenceTests
{
    private static readonly DateTimeOffset Now = new(2008, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static CountryPresence Lesotho() => CountryPresence.For(Countries.ByCode["LSO"]);

    [Fact]
    public void Set_WhenNonResidentWithAnOffice_KeepsItTrimmed()
    {
        var presence = Lesotho();
        presence.Set(AgencyPresence.NonResident, " DWT/CO-Pretoria ", " Jane Doe ", Now);

        Assert.Equal(("LSO", AgencyPresence.NonResident, "DWT/CO-Pretoria", "Jane Doe", Now),
            (presence.CountryCode, presence.Presence, presence.CoveringOffice, presence.ResidentCoordinator, presence.UpdatedAt));
    }

    [Fact]
    public void Set_WhenResidentAfterNonResident_ReplacesEverything()
    {
        var presence = Lesotho();
        presence.Set(AgencyPresence.NonResident, "DWT/CO-Pretoria", "Jane Doe", Now);
        presence.Set(AgencyPresence.Resident, "", "", Now.AddDays(1));
        Assert.Equal((AgencyPresence.Resident, "", ""), (presence.Presence, presence.CoveringOffice, presence.ResidentCoordinator));
    }

    [Fact]
    public void Set_WhenNonResidentWithoutAnOffice_IsNotPossible() =>
        Assert.Contains("office", Assert.Throws<DomainRuleException>(() => Lesotho().Set(AgencyPresence.NonResident, " ", "", Now)).Message);

    [Fact]
    public void Set_WhenResidentButCoveredFromAnOffice_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Lesotho().Set(AgencyPresence.Resident, "DWT/CO-Pretoria", "", Now));

    [Fact]
    public void Set_WhenTheCoordinatorsNameIsTooLong_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Lesotho().Set(AgencyPresence.Resident, "", new string('x', 201), Now));

    [Fact]
    public void Set_WhenPresenceIsNotAKind_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => Lesotho().Set((AgencyPresence)0, "", "", Now));
}
