using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>Results of TC projects, recorded against the outcomes they serve and counted in their progress.</summary>
public sealed partial class Programme
{
    public const int MaxResultsPerProgramme = 1000;
    public const int MaxCountriesReached = 250;

    public List<ProjectResult> ProjectResults { get; private set; } = [];

    /// <summary>
    /// Results come from implementation, as indicator progress does: only while the programme is
    /// active or completed (a final report may follow completion), dated within its period.
    /// </summary>
    public ProjectResult RecordProjectResult(Guid outcomeId, ProjectResultInput input, Change change)
    {
        if (Status is not (ProgrammeStatus.Active or ProgrammeStatus.Completed))
            throw new DomainRuleException($"Project results are recorded while the programme is Active or Completed; it is {ProtoNames.Of(Status)}.");
        var outcome = ActiveOutcome(outcomeId);
        if (input.ProjectId is null && string.IsNullOrWhiteSpace(input.ProjectCode))
            throw new DomainRuleException("A project result names its project by id or code.");
        if (string.IsNullOrWhiteSpace(input.Description)) throw new DomainRuleException("A project result needs a description.");
        if (input.Beneficiaries < 0 || input.Women < 0 || input.Men < 0 || input.Women + input.Men > input.Beneficiaries)
            throw new DomainRuleException($"Beneficiaries are counted from zero, and women ({input.Women}) and men ({input.Men}) are part of the total ({input.Beneficiaries}).");
        var countries = input.CountriesReached.Select(c => c.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        if (countries.Count != input.CountriesReached.Count)
            throw new DomainRuleException("Each country reached is listed once.");
        if (input.CountriesReachedCount < 0 || input.CountriesReachedCount > MaxCountriesReached || countries.Count > MaxCountriesReached
            || (countries.Count > 0 && input.CountriesReachedCount != 0 && input.CountriesReachedCount != countries.Count))
            throw new DomainRuleException($"The count of countries reached ({input.CountriesReachedCount}) is 0-{MaxCountriesReached} and matches the {countries.Count} listed.");
        if (ProjectResults.Count >= MaxResultsPerProgramme)
            throw new DomainRuleException($"A programme holds at most {MaxResultsPerProgramme} project results.");
        DateRules.EnsureHappened(input.AchievedOn, change.At, "A project result");
        DateRules.EnsureWithin(input.AchievedOn, PeriodStart, PeriodEnd, "A project result");

        var result = new ProjectResult
        {
            Id = Guid.NewGuid(), OutcomeId = outcome.Id, ProjectId = input.ProjectId, ProjectCode = input.ProjectCode.Trim().ToUpperInvariant(),
            Description = input.Description.Trim(), Beneficiaries = input.Beneficiaries, Women = input.Women, Men = input.Men,
            BeneficiaryGroup = input.BeneficiaryGroup.Trim(),
            CountriesReachedCount = countries.Count > 0 ? countries.Count : input.CountriesReachedCount, CountriesReached = countries,
            AchievedOn = input.AchievedOn, RecordedBy = change.By,
        };
        ProjectResults.Add(result);
        Record(change, "ProjectResultRecorded",
            $"{outcome.Code} from project {(result.ProjectCode.Length > 0 ? result.ProjectCode : result.ProjectId)} on {result.AchievedOn:yyyy-MM-dd}: "
            + $"{result.Description} ({result.Beneficiaries} beneficiaries, {result.CountriesReachedCount} countries)");
        return result;
    }

    /// <summary>The results recorded against one outcome, oldest first.</summary>
    public List<ProjectResult> ResultsOf(Guid outcomeId) => [.. ProjectResults.Where(r => r.OutcomeId == outcomeId)];
}
