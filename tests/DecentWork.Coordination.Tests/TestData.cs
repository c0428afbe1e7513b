using DecentWork.Contracts.Events.Programming;
using DecentWork.Coordination.Domain;

namespace DecentWork.Coordination.Tests;

/// <summary>Events and outcomes as programming would publish them.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset ApprovedAt = new(2008, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static ProgrammeOutcome Outcome(string code = "1.1", Guid? id = null) =>
        new(id ?? Guid.NewGuid(), code, $"Outcome {code}", 2, 250_000m);

    public static ProgrammeApproved Approved(string country, params ProgrammeOutcome[] outcomes) =>
        new(Guid.NewGuid(), country, "Africa", new DateOnly(2008, 5, 30), outcomes, ApprovedAt);

    public static ProgrammeOutcomeChanged Withdrawn(ProgrammeApproved approved, ProgrammeOutcome outcome, DateTimeOffset? at = null) =>
        new(approved.ProgrammeId, outcome, Withdrawn: true, at ?? ApprovedAt.AddDays(30));

    /// <summary>Each country's count of known programmes, as the store's projection keeps it.</summary>
    public static Dictionary<string, int> ProgrammeCounts(IEnumerable<KnownProgramme> programmes) =>
        ProgrammesByCountryProjection.CountsOf(new ProgrammesByCountryProjection().BucketsOf(programmes));

    public static List<UndafOutcome> UndafOutcomes(params string[] codes) =>
        codes.Select(c => new UndafOutcome { Code = c, Statement = $"UNDAF outcome {c}" }).ToList();
}
