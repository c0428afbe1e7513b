using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class ProgrammeBreakdownTests
{
    private static ActualPart Part(string dimension, string category, decimal value) => new() { Dimension = dimension, Category = category, Value = value };

    private static (Programme Programme, Indicator Indicator) Active(IndicatorKind kind = IndicatorKind.Number)
    {
        var programme = Approved();
        var indicator = programme.AddIndicator(programme.Outcomes[0].Id, "Youth placed in jobs", kind, kind == IndicatorKind.Number ? "people" : "",
            kind == IndicatorKind.Qualitative ? "none" : "0", kind == IndicatorKind.Qualitative ? "many" : "100", new(2010, 12, 31), ByOfficer);
        programme.Activate(ByOfficer);
        return (programme, indicator);
    }

    [Fact]
    public void RecordIndicatorProgress_WhenEverySexIsGivenAndAddsUp_KeepsTheBreakdownInOrder()
    {
        var (programme, indicator) = Active();

        programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "100", "", ByOfficer,
            [Part("sex", "male", 55), Part("Sex", "Female ", 40), Part("sex", "other_or_not_reported", 5), Part("disability", "with_disability", 12)]);

        var parts = indicator.Latest()!.Breakdown;
        Assert.Equal(["disability with_disability 12", "sex female 40", "sex male 55", "sex other_or_not_reported 5"],
            parts.Select(p => $"{p.Dimension} {p.Category} {p.Value}"));
        Assert.Contains("sex: female 40, male 55", programme.History[^1].Detail);
    }

    [Fact]
    public void RecordIndicatorProgress_WhenEverySexIsGivenButTheyDoNotAddUp_IsNotPossible()
    {
        var (programme, indicator) = Active();
        var error = Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "100", "", ByOfficer,
            [Part("sex", "female", 40), Part("sex", "male", 50), Part("sex", "other_or_not_reported", 0)]));
        Assert.Contains("add up to 90, not the actual 100", error.Message);
        Assert.Empty(indicator.Progress);
    }

    [Fact]
    public void RecordIndicatorProgress_WhenSomeSexesAreGivenAndExceedTheTotal_IsNotPossible()
    {
        var (programme, indicator) = Active();
        Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "100", "", ByOfficer,
            [Part("sex", "female", 101)]));
        programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "100", "", ByOfficer, [Part("sex", "female", 60)]);
        Assert.Single(indicator.Progress);
    }

    [Fact]
    public void RecordIndicatorProgress_WhenThePartsArePercentages_NeedNotAddUp()
    {
        var (programme, indicator) = Active(IndicatorKind.Percentage);
        programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "40", "", ByOfficer,
            [Part("sex", "female", 35), Part("sex", "male", 45), Part("sex", "other_or_not_reported", 50)]);
        Assert.Equal(3, indicator.Latest()!.Breakdown.Count);
    }

    [Fact]
    public void RecordIndicatorProgress_WhenTheIndicatorIsQualitative_RefusesABreakdown()
    {
        var (programme, indicator) = Active(IndicatorKind.Qualitative);
        Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "some", "", ByOfficer,
            [Part("sex", "female", 1)]));
    }

    [Theory]
    [InlineData("gender", "female")]
    [InlineData("sex", "women")]
    [InlineData("age_group", "15_to_24")]
    public void RecordIndicatorProgress_WhenTheDimensionOrCategoryIsUnknown_IsNotPossible(string dimension, string category)
    {
        var (programme, indicator) = Active();
        Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "10", "", ByOfficer,
            [Part(dimension, category, 1)]));
    }

    [Fact]
    public void Problems_WhenACategoryIsGivenTwiceOrNegative_NameThePart()
    {
        var problems = ActualBreakdown.Problems(IndicatorKind.Number, "10", [Part("sex", "female", 1), Part("sex", "female", 2), Part("age_group", "15_24", -1)]);
        Assert.Equal(["breakdown[1].category", "breakdown[2].value"], problems.Select(p => p.Field));
    }

    [Fact]
    public void RecordIndicatorProgress_WhenDatedAfterTheProgrammePeriod_IsRefused()
    {
        var (programme, indicator) = Active();
        // The programme runs 2006-2010; the builders' clock stands in 2013.
        var error = Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(indicator.Id, new(2012, 1, 1), "10", "", ByOfficer));
        Assert.Equal(DateRules.OutsidePeriod, error.Reason);
        Assert.Equal(DateRules.InFuture, Assert.Throws<DomainRuleException>(() => programme.RecordIndicatorProgress(indicator.Id, new(2040, 1, 1), "10", "", ByOfficer)).Reason);
    }

    [Fact]
    public void PercentOfTarget_WhenTheReportHasNoBreakdown_ReadsAsBefore()
    {
        var (programme, indicator) = Active();
        programme.RecordIndicatorProgress(indicator.Id, new(2009, 12, 31), "50", "", ByOfficer);
        Assert.Empty(indicator.Latest()!.Breakdown);
        Assert.Equal(50m, indicator.PercentOfTarget());
    }
}
