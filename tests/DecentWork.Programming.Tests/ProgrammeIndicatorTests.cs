using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class ProgrammeIndicatorTests
{
    private static Indicator AddInspectors(Programme programme) =>
        programme.AddIndicator(programme.Outcomes[0].Id, "Labour inspectors trained", IndicatorKind.Number, "inspectors", "20", "100", new(2010, 12, 31), ByOfficer);

    [Fact]
    public void AddIndicator_WhenValid_IncrementsContentRevision()
    {
        var (programme, _) = WithOutcome();
        var before = programme.ContentRevision;
        AddInspectors(programme);
        Assert.Equal(before + 1, programme.ContentRevision);
        Assert.Equal("IndicatorAdded", programme.History.Last().Action);
    }

    [Fact]
    public void AddIndicator_WhenOutcomeIsWithdrawnOrValueIsNotANumber_IsNotPossible()
    {
        var (programme, outcome) = WithOutcome();
        Assert.Throws<DomainRuleException>(() =>
            programme.AddIndicator(outcome.Id, "Share of women", IndicatorKind.Percentage, "", "about half", "50", new(2010, 1, 1), ByOfficer));
        Assert.Throws<DomainRuleException>(() =>
            programme.AddIndicator(outcome.Id, "Share of women", IndicatorKind.Percentage, "%", "40", "50", new(2010, 1, 1), ByOfficer));
        programme.AddIndicator(outcome.Id, "Law adopted", IndicatorKind.Qualitative, "", "No draft law", "Law in force", new(2010, 1, 1), ByOfficer);
        programme.WithdrawOutcome(outcome.Id, ByOfficer);
        Assert.Throws<DomainRuleException>(() => AddInspectors(programme));
    }

    [Fact]
    public void RecordIndicatorProgress_BeforeImplementation_IsNotPossible()
    {
        var programme = Approved();
        var indicator = AddInspectors(programme);
        var error = Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(indicator.Id, new(2009, 1, 1), "30", "", ByOfficer));
        Assert.Contains("it is PROGRAMME_STATUS_APPROVED", error.Message);
    }

    [Fact]
    public void RecordIndicatorProgress_WhenActive_KeepsTheLatestAndComputesPercentOfTarget()
    {
        var programme = Approved();
        var indicator = AddInspectors(programme);
        programme.Activate(ByOfficer);

        programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "70", "on track", ByOfficer);
        programme.RecordIndicatorProgress(indicator.Id, new(2009, 6, 30), "40", "late report of mid-year", ByOfficer);

        Assert.Equal("70", indicator.Latest()!.Actual);
        Assert.Equal(62.5m, indicator.PercentOfTarget());
        Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(indicator.Id, new(2010, 1, 1), "many", "", ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(Guid.NewGuid(), new(2010, 1, 1), "1", "", ByOfficer));
    }
}
