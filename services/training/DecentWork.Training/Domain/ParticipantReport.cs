namespace DecentWork.Training.Domain;

/// <summary>One year of trained participants (attended or certified), counted by the year an edition starts.</summary>
public sealed record ParticipantYear(
    int Year,
    int Participants,
    IReadOnlyDictionary<ConstituentGroup, int> ByGroup,
    int Female,
    int EmployersAndWorkers,
    int LinkedParticipants,
    int ParticipantDays,
    int LinkedParticipantDays)
{
    public double EmployersAndWorkersPercent() => Percent(EmployersAndWorkers, Participants);
    public double LinkedPercent() => Percent(LinkedParticipants, Participants);
    public double LinkedDaysPercent() => Percent(LinkedParticipantDays, ParticipantDays);

    /// <summary>Growth of employers' and workers' representatives against another year; 0 when that year had none.</summary>
    public double EmployersAndWorkersGrowthPercent(ParticipantYear baseYear) =>
        baseYear.EmployersAndWorkers == 0 ? 0 : Percent(EmployersAndWorkers - baseYear.EmployersAndWorkers, baseYear.EmployersAndWorkers);

    // One decimal is what the paper's figures need; a report is not a ledger.
    internal static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}

public static class ParticipantReport
{
    public const int MaxYears = 51;

    /// <summary>
    /// Counts each year of the period, including empty ones, named and counted participants alike.
    /// "Linked" here means linked to at least one DWCP, as a whole or through an outcome, by the
    /// course (<paramref name="linkedCourseIds"/>) or by the edition itself; the stricter share
    /// of training linked to outcomes is <see cref="LinkedTrainingReport"/>.
    /// </summary>
    public static IReadOnlyList<ParticipantYear> Count(IEnumerable<Edition> editions, ISet<Guid> linkedCourseIds, int fromYear, int toYear) =>
        Count(TrainedInPeriod.Of(editions), linkedCourseIds, fromYear, toYear);

    /// <summary>As above, over the editions' totals (<see cref="EditionTotals"/>).</summary>
    public static IReadOnlyList<ParticipantYear> Count(TrainedInPeriod trained, ISet<Guid> linkedCourseIds, int fromYear, int toYear) =>
        Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year => CountYear(year, trained, linkedCourseIds)).ToList();

    private static ParticipantYear CountYear(int year, TrainedInPeriod trained, ISet<Guid> linkedCourseIds)
    {
        var totals = trained.Years.Where(t => t.Year == year).ToList();
        var linked = trained.Linked(year, t => t.EditionLinkedToProgramme, linkedCourseIds);
        return new ParticipantYear(
            year,
            totals.Sum(t => t.Participants),
            totals.SelectMany(t => t.ByGroup).GroupBy(g => g.Key).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Value)),
            totals.Sum(t => t.Female),
            totals.Sum(t => t.EmployersAndWorkers),
            linked.Participants,
            totals.Sum(t => t.ParticipantDays),
            linked.Days);
    }
}
