namespace DecentWork.Programming.Domain;

/// <summary>
/// A result of a TC project recorded against the outcome it serves. The project is kept as
/// partnerships names it (id and/or code) without a lookup: see RecordProjectResult.
/// </summary>
public sealed class ProjectResult
{
    public Guid Id { get; set; }
    public Guid OutcomeId { get; set; }
    /// <summary>Partnerships' project id; null when only the code was given.</summary>
    public Guid? ProjectId { get; set; }
    public string ProjectCode { get; set; } = "";
    public string Description { get; set; } = "";
    public int Beneficiaries { get; set; }
    public int Women { get; set; }
    public int Men { get; set; }
    public string BeneficiaryGroup { get; set; } = "";
    public int CountriesReachedCount { get; set; }
    public List<string> CountriesReached { get; set; } = [];
    public DateOnly AchievedOn { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>What a result says, before the programme accepts it.</summary>
public sealed record ProjectResultInput(
    Guid? ProjectId, string ProjectCode, string Description, int Beneficiaries, int Women, int Men, string BeneficiaryGroup,
    int CountriesReachedCount, IReadOnlyList<string> CountriesReached, DateOnly AchievedOn);

/// <summary>
/// What the results of one outcome (or of several) add up to. Countries reached cannot be summed
/// (two results may name the same countries): the summary holds the distinct countries listed or
/// the largest single count, whichever is more, as "at least".
/// </summary>
public sealed record ResultsSummary(int ResultCount, int Beneficiaries, int Women, int Men, int CountriesReachedAtLeast)
{
    public static ResultsSummary Of(IReadOnlyCollection<ProjectResult> results) => new(
        results.Count,
        results.Sum(r => r.Beneficiaries),
        results.Sum(r => r.Women),
        results.Sum(r => r.Men),
        Math.Max(results.SelectMany(r => r.CountriesReached).Distinct().Count(), results.Select(r => r.CountriesReachedCount).DefaultIfEmpty(0).Max()));
}
