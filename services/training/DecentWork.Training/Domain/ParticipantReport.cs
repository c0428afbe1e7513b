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
    public static IReadOnlyList<ParticipantYear> Count(IEnumerable<Edition> editions, ISet<Guid> linkedCourseIds, int fromYear, int toYear)
    {
        var byYear = editions.Where(e => e.StartYear >= fromYear && e.StartYear <= toYear).ToLookup(e => e.StartYear);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year => CountYear(year, byYear[year], linkedCourseIds)).ToList();
    }

    private static ParticipantYear CountYear(int year, IEnumerable<Edition> editions, ISet<Guid> linkedCourseIds)
    {
        var trained = editions
            .SelectMany(e => e.Trained().Select(t =>
                (Trained: t, Days: t.Count * e.LengthInDays(), Linked: linkedCourseIds.Contains(e.CourseId) || e.LinkedProgrammeIds.Count > 0)))
            .ToList();
        return new ParticipantYear(
            year,
            trained.Sum(t => t.Trained.Count),
            trained.GroupBy(t => t.Trained.Group).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(t => t.Trained.Count)),
            trained.Where(t => t.Trained.Sex == Sex.Female).Sum(t => t.Trained.Count),
            trained.Where(t => t.Trained.IsEmployerOrWorker).Sum(t => t.Trained.Count),
            trained.Where(t => t.Linked).Sum(t => t.Trained.Count),
            trained.Sum(t => t.Days),
            trained.Where(t => t.Linked).Sum(t => t.Days));
    }
}
