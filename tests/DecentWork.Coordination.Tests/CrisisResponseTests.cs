using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

public class CrisisResponseTests
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2007, 11, 20);
    private static readonly Country Bangladesh = Countries.ByCode["BGD"];

    private static CrisisResponseTerms Terms(CrisisResponseKind kind = CrisisResponseKind.JointNeedsAssessment, OrganisationRole role = OrganisationRole.Member, string title = " Cyclone Sidr joint damage, loss and needs assessment ") =>
        new(kind, title, " Cyclone Sidr ", role);

    [Fact]
    public void Record_WhenValid_TrimsAndKeepsEachOtherAgencyOnceUpperCase()
    {
        var response = CrisisResponse.Record(Bangladesh, Terms(), ["undp", "FAO", "UNDP"], Start, null, Now);

        Assert.Equal(("BGD", "Cyclone Sidr joint damage, loss and needs assessment", "Cyclone Sidr"), (response.CountryCode, response.Title, response.Crisis));
        Assert.Equal(["UNDP", "FAO"], response.Agencies);
        Assert.Equal((CrisisResponseKind.JointNeedsAssessment, OrganisationRole.Member, Start, (DateOnly?)null), (response.Kind, response.OrganisationRole, response.StartedOn, response.EndedOn));
        Assert.Equal($"BGD|2007-11-20|{response.Id:N}", response.SortKey);
        Assert.Empty(response.PendingEvents());
    }

    [Fact]
    public void Record_WhenNoOtherAgency_IsNotPossible() =>
        Assert.Contains("other agencies", Assert.Throws<DomainRuleException>(() => CrisisResponse.Record(Bangladesh, Terms(), [], Start, null, Now)).Message);

    [Fact]
    public void Record_WhenTheOrganisationIsListedAmongTheOthers_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => CrisisResponse.Record(Bangladesh, Terms(), ["UNDP", "ilo"], Start, null, Now));

    [Fact]
    public void Record_WhenItEndsBeforeItStarts_IsNotPossible() =>
        Assert.Contains("cannot end", Assert.Throws<DomainRuleException>(() => CrisisResponse.Record(Bangladesh, Terms(), ["UNDP"], Start, Start.AddDays(-1), Now)).Message);

    [Fact]
    public void Record_WhenItEndsTheDayItStarts_IsPossible() =>
        Assert.Equal(Start, CrisisResponse.Record(Bangladesh, Terms(CrisisResponseKind.EarlyRecoveryProgramme), ["UNDP"], Start, Start, Now).EndedOn);

    [Fact]
    public void Record_WhenKindRoleTitleOrDateIsBad_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => CrisisResponse.Record(Bangladesh, Terms(kind: 0), ["UNDP"], Start, null, Now));
        Assert.Throws<DomainRuleException>(() => CrisisResponse.Record(Bangladesh, Terms(role: 0), ["UNDP"], Start, null, Now));
        Assert.Throws<DomainRuleException>(() => CrisisResponse.Record(Bangladesh, Terms(title: " "), ["UNDP"], Start, null, Now));
        Assert.Throws<DomainRuleException>(() => CrisisResponse.Record(Bangladesh, Terms(), ["UNDP"], new DateOnly(1989, 12, 31), null, Now));
    }
}
