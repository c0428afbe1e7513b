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
    public static IReadOnlyList<CourseParticipantYear> Count(IEnumerable<Edition> editionsOfTheCourse, int fromYear, int toYear) =>
        Count(TrainedInPeriod.Of(editionsOfTheCourse).Years, fromYear, toYear);

    /// <summary>As above, over the course's editions' totals (<see cref="EditionTotals"/>).</summary>
    public static IReadOnlyList<CourseParticipantYear> Count(IEnumerable<EditionTotal> totalsOfTheCourse, int fromYear, int toYear)
    {
        var byYear = totalsOfTheCourse.Where(t => t.Year >= fromYear && t.Year <= toYear).ToLookup(t => t.Year);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var totals = byYear[year].ToList();
            return new CourseParticipantYear(
                year,
                totals.Sum(t => t.EditionsHeld),
                totals.Sum(t => t.Participants),
                totals.Sum(t => t.Certified),
                totals.Sum(t => t.Female),
                totals.Sum(t => t.EmployersAndWorkers),
                totals.Sum(t => t.ParticipantDays));
        }).ToList();
    }

    /// <summary>The sums over the period; the year is 0.</summary>
    public static CourseParticipantYear Total(IReadOnlyList<CourseParticipantYear> years) => new(
        0, years.Sum(y => y.EditionsHeld), years.Sum(y => y.Participants), years.Sum(y => y.Certified),
        years.Sum(y => y.Female), years.Sum(y => y.EmployersAndWorkers), years.Sum(y => y.ParticipantDays));
}
