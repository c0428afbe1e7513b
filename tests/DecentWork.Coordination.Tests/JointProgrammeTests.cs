using DecentWork.Contracts.Events.Coordination;
using DecentWork.Coordination.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Tests;

public class JointProgrammeTests
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Country[] AlbaniaOnly = [Countries.ByCode["ALB"]];

    private static JointProgrammeTerms Terms(string lead = "ilo") =>
        new(" Youth employment and migration in Albania ", "MDG Achievement Fund", "Youth, employment and migration", lead);

    private static AgencyShare[] Shares(params (string Agency, decimal Usd)[] shares) =>
        shares.Select(s => new AgencyShare { Agency = s.Agency, BudgetShareUsd = s.Usd }).ToArray();

    private static JointProgramme Proposal() =>
        JointProgramme.Propose(Terms(), AlbaniaOnly, Shares(("ilo", 1_200_000.50m), ("UNDP", 800_000m)), Now);

    [Fact]
    public void Propose_WhenValid_NormalisesAgenciesAndRaisesNothing()
    {
        var programme = Proposal();

        Assert.Equal(("Youth employment and migration in Albania", "ILO", JointProgrammeStatus.Proposal), (programme.Title, programme.LeadAgency, programme.Status));
        Assert.Equal(["ILO", "UNDP"], programme.Agencies.Select(a => a.Agency));
        Assert.Equal(["ALB"], programme.CountryCodes);
        Assert.Equal(1_200_000.50m, programme.OrganisationShareUsd());
        Assert.Empty(programme.PendingEvents());
    }

    [Fact]
    public void Propose_WhenTheOrganisationDoesNotTakePart_IsNotPossible() =>
        Assert.Contains("ILO", Assert.Throws<DomainRuleException>(() => JointProgramme.Propose(Terms("FAO"), AlbaniaOnly, Shares(("FAO", 1m)), Now)).Message);

    [Fact]
    public void Propose_WhenTheLeadDoesNotTakePart_IsNotPossible() =>
        Assert.Contains("lead agency", Assert.Throws<DomainRuleException>(() => JointProgramme.Propose(Terms("FAO"), AlbaniaOnly, Shares(("ILO", 1m)), Now)).Message);

    [Fact]
    public void Propose_WhenAnAgencyIsListedTwice_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => JointProgramme.Propose(Terms(), AlbaniaOnly, Shares(("ILO", 1m), ("ilo", 2m)), Now));

    [Fact]
    public void Propose_WhenAShareIsNegative_IsNotPossible() =>
        Assert.Throws<DomainRuleException>(() => JointProgramme.Propose(Terms(), AlbaniaOnly, Shares(("ILO", -1m)), Now));

    [Fact]
    public void Propose_WhenNoCountryOrACountryTwice_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => JointProgramme.Propose(Terms(), [], Shares(("ILO", 1m)), Now));
        Assert.Throws<DomainRuleException>(() => JointProgramme.Propose(Terms(), [AlbaniaOnly[0], AlbaniaOnly[0]], Shares(("ILO", 1m)), Now));
    }

    [Fact]
    public void Approve_WhenAProposal_RaisesTheOrganisationsShare()
    {
        var programme = Proposal();

        programme.Approve(new DateOnly(2008, 2, 20), Now);

        Assert.Equal((JointProgrammeStatus.Approved, (DateOnly?)new DateOnly(2008, 2, 20)), (programme.Status, programme.ApprovedOn));
        var approved = Assert.IsType<JointProgrammeApproved>(Assert.Single(programme.PendingEvents()));
        Assert.Equal((programme.Id, 1_200_000.50m, "ILO", "Youth, employment and migration", new DateOnly(2008, 2, 20), Now),
            (approved.JointProgrammeId, approved.OrganisationShareUsd, approved.LeadAgency, approved.ThematicWindow, approved.ApprovedOn, approved.ApprovedAt));
        Assert.Equal(["ALB"], approved.CountryCodes);
    }

    [Fact]
    public void Approve_WhenAlreadyApproved_IsNotPossible()
    {
        var programme = Proposal();
        programme.Approve(new DateOnly(2008, 2, 20), Now);
        Assert.Contains("Only a proposal", Assert.Throws<DomainRuleException>(() => programme.Approve(new DateOnly(2008, 2, 21), Now)).Message);
    }

    [Fact]
    public void Approve_WhenThereIsNoThematicWindow_PublishesNone()
    {
        var programme = JointProgramme.Propose(Terms() with { ThematicWindow = " " }, AlbaniaOnly, Shares(("ILO", 1m)), Now);
        programme.Approve(new DateOnly(2008, 2, 20), Now);
        Assert.Null(Assert.IsType<JointProgrammeApproved>(Assert.Single(programme.PendingEvents())).ThematicWindow);
    }
}

public class JointProgrammeReportTests
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static JointProgramme Programme(string lead, string fund, bool approve, params string[] countries)
    {
        var agencies = new[] { new AgencyShare { Agency = "ILO", BudgetShareUsd = 100m }, new AgencyShare { Agency = "FAO", BudgetShareUsd = 50m } };
        var programme = JointProgramme.Propose(new JointProgrammeTerms("JP", fund, "", lead), countries.Select(c => Countries.ByCode[c]).ToList(), agencies, Now);
        if (approve) programme.Approve(new DateOnly(2008, 2, 1), Now);
        return programme;
    }

    [Fact]
    public void Summarise_CountsApprovedDistinctCountriesAndWhereTheOrganisationLeads()
    {
        var ledAlbania = Programme("ILO", "MDG Achievement Fund", approve: true, "ALB");
        var programmes = new[]
        {
            ledAlbania,
            Programme("FAO", "MDG Achievement Fund", approve: true, "ALB", "PER"),
            Programme("ILO", "MDG Achievement Fund", approve: false, "CRI"),
            Programme("ILO", "Other fund", approve: true, "PHL"),
        };

        var all = JointProgrammeReport.Summarise(programmes, null);
        var mdg = JointProgrammeReport.Summarise(programmes, " mdg achievement fund ");

        Assert.Equal((3, 3, 1, 300m), (all.ApprovedCount, all.CountryCount, all.ProposalCount, all.OrganisationShareUsd));
        Assert.Equal(2, all.LedByOrganisation.Count);
        Assert.Equal((2, 2, 1), (mdg.ApprovedCount, mdg.CountryCount, mdg.ProposalCount));
        Assert.Equal([ledAlbania], mdg.LedByOrganisation);
    }

    private static JointProgramme InWindow(string window, string lead, params string[] countries)
    {
        var agencies = new[] { new AgencyShare { Agency = "ILO", BudgetShareUsd = 100m }, new AgencyShare { Agency = "UNICEF", BudgetShareUsd = 50m } };
        var programme = JointProgramme.Propose(new JointProgrammeTerms("JP", "MDG Achievement Fund", window, lead), countries.Select(c => Countries.ByCode[c]).ToList(), agencies, Now);
        programme.Approve(new DateOnly(2008, 2, 1), Now);
        return programme;
    }

    [Fact]
    public void Summarise_WhenFilteredByThematicWindow_ReproducesTheLeadAgencyInFourCountries()
    {
        const string Youth = "Youth, employment and migration";
        var programmes = new[]
        {
            InWindow(Youth, "ILO", "PHL"), InWindow(Youth, "ILO", "ALB"), InWindow(Youth, "ILO", "PER"), InWindow(Youth, "ILO", "CRI"),
            InWindow(Youth, "UNICEF", "ALB", "TUR"),
            InWindow("Gender equality and women's empowerment", "ILO", "VNM"),
        };

        var youth = JointProgrammeReport.Summarise(programmes, null, " youth, EMPLOYMENT and migration ");
        var all = JointProgrammeReport.Summarise(programmes, null);

        Assert.Equal((5, 5, 4), (youth.ApprovedCount, youth.CountryCount, youth.LedByOrganisation.Count));
        Assert.Equal(["ALB", "CRI", "PER", "PHL"], youth.LedCountryCodes());
        Assert.Equal((6, 5), (all.ApprovedCount, all.LedByOrganisation.Count));
        Assert.Equal(["ALB", "CRI", "PER", "PHL", "VNM"], all.LedCountryCodes());
    }
}

public class JointProgrammeStatusTests
{
    private static readonly DateTimeOffset Now = new(2008, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static JointProgramme Approved()
    {
        var programme = JointProgramme.Propose(new JointProgrammeTerms("JP", "Fund", "", "ILO"), [Countries.ByCode["ALB"]],
            [new AgencyShare { Agency = "ILO", BudgetShareUsd = 1m }], Now);
        programme.Approve(new DateOnly(2008, 2, 1), Now);
        return programme;
    }

    [Fact]
    public void ChangeStatus_WhenForwardOrAgain_MovesOnceWithoutAnotherEvent()
    {
        var programme = Approved();
        Assert.True(programme.ChangeStatus(JointProgrammeStatus.Ongoing));
        Assert.False(programme.ChangeStatus(JointProgrammeStatus.Ongoing));
        Assert.True(programme.ChangeStatus(JointProgrammeStatus.Closed));
        Assert.Single(programme.PendingEvents());
    }

    [Fact]
    public void ChangeStatus_WhenBackwards_IsNotPossible()
    {
        var programme = Approved();
        programme.ChangeStatus(JointProgrammeStatus.Closed);
        Assert.Contains("cannot go back", Assert.Throws<DomainRuleException>(() => programme.ChangeStatus(JointProgrammeStatus.Ongoing)).Message);
    }

    [Fact]
    public void ChangeStatus_WhenStillAProposal_IsNotPossible()
    {
        var proposal = JointProgramme.Propose(new JointProgrammeTerms("JP", "Fund", "", "ILO"), [Countries.ByCode["ALB"]],
            [new AgencyShare { Agency = "ILO", BudgetShareUsd = 1m }], Now);
        Assert.Contains("approve it first", Assert.Throws<DomainRuleException>(() => proposal.ChangeStatus(JointProgrammeStatus.Ongoing)).Message);
    }

    [Theory]
    [InlineData(JointProgrammeStatus.Approved)]
    [InlineData(JointProgrammeStatus.Proposal)]
    public void ChangeStatus_WhenTheTargetIsNotOngoingOrClosed_IsNotPossible(JointProgrammeStatus target) =>
        Assert.Throws<DomainRuleException>(() => Approved().ChangeStatus(target));
}
