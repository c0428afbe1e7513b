namespace DecentWork.Training.Domain;

/// <summary>One year of one course ("175 officials trained on the TC Manual course").</summary>
public sealed record CourseParticipantYear(
    int Year, int EditionsHeld, int Participants, int Certified, int Female, int EmployersAndWorkers, int ParticipantDays);

public static class CourseParticipantReport
{
    /// <summary>
    /// The course's trained participants (named and counted) year by year, by the year each edition
    /// starts, every year of the period listed; editions count once held.
    /// </summary>
    public static IReadOnlyList<CourseParticipantYear> Count(IEnumerable<Edition> editionsOfTheCourse, int fromYear, int toYear)
    {
        var byYear = editionsOfTheCourse.Where(e => e.StartYear >= fromYear && e.StartYear <= toYear).ToLookup(e => e.StartYear);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var editions = byYear[year].ToList();
            var trained = editions.SelectMany(e => e.Trained().Select(t => (Trained: t, Days: t.Count * e.LengthInDays()))).ToList();
            return new CourseParticipantYear(
                year,
                editions.Count(e => e.Status == EditionStatus.Held),
                trained.Sum(t => t.Trained.Count),
                trained.Where(t => t.Trained.Certified).Sum(t => t.Trained.Count),
                trained.Where(t => t.Trained.Sex == Sex.Female).Sum(t => t.Trained.Count),
                trained.Where(t => t.Trained.IsEmployerOrWorker).Sum(t => t.Trained.Count),
                trained.Sum(t => t.Days));
        }).ToList();
    }

    /// <summary>The sums over the period; the year is 0.</summary>
    public static CourseParticipantYear Total(IReadOnlyList<CourseParticipantYear> years) => new(
        0, years.Sum(y => y.EditionsHeld), years.Sum(y => y.Participants), years.Sum(y => y.Certified),
        years.Sum(y => y.Female), years.Sum(y => y.EmployersAndWorkers), years.Sum(y => y.ParticipantDays));
}
