using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults;
using static DecentWork.Programming.Tests.ProgrammeBuilder;

namespace DecentWork.Programming.Tests;

public class ProjectResultTests
{
    private static readonly Guid Project = Guid.NewGuid();

    private static ProjectResultInput WomenWithDisabilities(DateOnly? on = null) => new(Project, "inT/06/12/fra", "Some 3,000 women with disabilities benefited",
        3000, 3000, 0, "women with disabilities", 0, [], on ?? new DateOnly(2008, 6, 30));

    private static ProjectResultInput Trainers(params string[] countries) => new(null, "INT/07/01/ITA", "Trainers certified",
        0, 0, 0, "trainers", countries.Length == 0 ? 22 : 0, countries, new DateOnly(2009, 3, 1));

    private static Programme Active()
    {
        var programme = Approved();
        programme.Activate(ByOfficer);
        return programme;
    }

    [Fact]
    public void RecordProjectResult_WhenActive_IsCountedInTheOutcomesSummary()
    {
        var programme = Active();
        var outcome = programme.Outcomes[0];

        var result = programme.RecordProjectResult(outcome.Id, WomenWithDisabilities(), ByOfficer);
        programme.RecordProjectResult(outcome.Id, Trainers(), ByOfficer);
        programme.RecordProjectResult(outcome.Id, Trainers("KEN", "TZA"), ByOfficer);

        Assert.Equal("INT/06/12/FRA", result.ProjectCode);
        var summary = ResultsSummary.Of(programme.ResultsOf(outcome.Id));
        Assert.Equal((3, 3000, 3000, 0, 22), (summary.ResultCount, summary.Beneficiaries, summary.Women, summary.Men, summary.CountriesReachedAtLeast));
        Assert.Equal("ProjectResultRecorded", programme.History[^1].Action);
        Assert.Equal(2, programme.ResultsOf(outcome.Id)[^1].CountriesReachedCount);
    }

    [Fact]
    public void ResultsSummary_WhenResultsListCountries_CountsEachCountryOnce()
    {
        var programme = Active();
        var outcome = programme.Outcomes[0];
        programme.RecordProjectResult(outcome.Id, Trainers("KEN", "TZA", "UGA"), ByOfficer);
        programme.RecordProjectResult(outcome.Id, Trainers("UGA", "RWA"), ByOfficer);

        Assert.Equal(4, ResultsSummary.Of(programme.ResultsOf(outcome.Id)).CountriesReachedAtLeast);
    }

    [Fact]
    public void RecordProjectResult_BeforeImplementation_IsNotPossible()
    {
        var programme = Approved();
        Assert.Throws<DomainRuleException>(() => programme.RecordProjectResult(programme.Outcomes[0].Id, WomenWithDisabilities(), ByOfficer));
    }

    [Fact]
    public void RecordProjectResult_WhenDatedOutsideThePeriod_IsNotPossible()
    {
        // The programme runs 2006-2010; the builders' clock stands in 2013.
        var programme = Active();
        var error = Assert.Throws<DomainRuleException>(() =>
            programme.RecordProjectResult(programme.Outcomes[0].Id, WomenWithDisabilities(new DateOnly(2012, 1, 1)), ByOfficer));
        Assert.Equal(DateRules.OutsidePeriod, error.Reason);
    }

    [Fact]
    public void RecordProjectResult_WhenWomenAndMenExceedTheTotal_IsNotPossible()
    {
        var programme = Active();
        Assert.Throws<DomainRuleException>(() => programme.RecordProjectResult(programme.Outcomes[0].Id,
            WomenWithDisabilities() with { Beneficiaries = 100, Women = 80, Men = 30 }, ByOfficer));
    }

    [Fact]
    public void RecordProjectResult_WhenTheCountDisagreesWithTheCountriesListed_IsNotPossible()
    {
        var programme = Active();
        Assert.Throws<DomainRuleException>(() => programme.RecordProjectResult(programme.Outcomes[0].Id,
            Trainers("KEN", "TZA") with { CountriesReachedCount = 3 }, ByOfficer));
        Assert.Throws<DomainRuleException>(() => programme.RecordProjectResult(programme.Outcomes[0].Id, Trainers("KEN", "ken"), ByOfficer));
    }

    [Fact]
    public void RecordProjectResult_WithoutAProjectOrForAWithdrawnOutcome_IsNotPossible()
    {
        var programme = Active();
        var outcome = programme.Outcomes[0];
        Assert.Throws<DomainRuleException>(() => programme.RecordProjectResult(outcome.Id, WomenWithDisabilities() with { ProjectId = null, ProjectCode = " " }, ByOfficer));
        programme.WithdrawOutcome(outcome.Id, ByOfficer);
        Assert.Throws<DomainRuleException>(() => programme.RecordProjectResult(outcome.Id, WomenWithDisabilities(), ByOfficer));
        Assert.Empty(programme.ProjectResults);
    }
}
