using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class GenderAuditTests
{
    private static GenderAudit InTanzania(params GenderAuditFinding[] findings) =>
        GenderAudit.Record(Tanzania, "Participatory gender audit", new(2008, 5, 1), AllThreeGroups(), findings, ByOfficer);

    [Fact]
    public void Record_WhenTheConstituentsTookPart_KeepsItsFindings()
    {
        var audit = InTanzania(new GenderAuditFinding { Kind = GenderAuditFindingKind.GoodPractice, Text = " Gender focal points in every ministry " });
        audit.AddFinding(GenderAuditFindingKind.AreaForStrengthening, "Sex-disaggregated statistics");

        Assert.Equal(("TZA", IloRegion.Africa), (audit.CountryCode, audit.Region));
        Assert.Equal(["GoodPractice: Gender focal points in every ministry", "AreaForStrengthening: Sex-disaggregated statistics"],
            audit.Findings.Select(f => $"{f.Kind}: {f.Text}"));
    }

    [Fact]
    public void Record_WithoutConstituentsOrInTheFuture_IsNotPossible()
    {
        Assert.Throws<DomainRuleException>(() => GenderAudit.Record(Tanzania, "Audit", new(2008, 5, 1), [], [], ByOfficer));
        Assert.Throws<DomainRuleException>(() => GenderAudit.Record(Tanzania, "Audit", new(2030, 5, 1), AllThreeGroups(), [], ByOfficer));
        Assert.Throws<DomainRuleException>(() => GenderAudit.Record(Tanzania, " ", new(2008, 5, 1), AllThreeGroups(), [], ByOfficer));
    }

    [Fact]
    public void AddFinding_WhenTheKindIsUnknownOrTheTextEmpty_IsNotPossible()
    {
        var audit = InTanzania();
        Assert.Throws<DomainRuleException>(() => audit.AddFinding((GenderAuditFindingKind)9, "text"));
        Assert.Throws<DomainRuleException>(() => audit.AddFinding(GenderAuditFindingKind.GoodPractice, ""));
        Assert.Empty(audit.Findings);
    }

    [Fact]
    public void Inform_WhenTheProgrammeIsOfTheSameCountry_LinksItOnce()
    {
        var audit = InTanzania();
        var programme = Draft();
        Assert.True(audit.Inform(programme));
        Assert.False(audit.Inform(programme));
        Assert.Equal([programme.Id], audit.ProgrammeIds);
    }

    [Fact]
    public void Inform_WhenTheProgrammeIsOfAnotherCountryOrDiscarded_IsNotPossible()
    {
        var audit = InTanzania();
        var kenya = Programme.Register(Countries.ByCode["KEN"], "DWCP Kenya", new(2008, 1, 1), new(2011, 12, 31), ByOfficer);
        var discarded = Draft();
        discarded.Discard("mistake", ByOfficer);

        Assert.Throws<DomainRuleException>(() => audit.Inform(kenya));
        Assert.Throws<DomainRuleException>(() => audit.Inform(discarded));
        Assert.Empty(audit.ProgrammeIds);
    }
}
