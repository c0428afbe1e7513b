namespace DecentWork.Training.Domain;

/// <summary>
/// One year of training by how explicitly it is linked to DWCPs ("85 per cent of training
/// explicitly linked to ILO outcomes"), by participants and by participant-days.
/// </summary>
public sealed record LinkedTrainingYear(
    int Year,
    int Participants,
    int ParticipantDays,
    int OutcomeLinkedParticipants,
    int OutcomeLinkedParticipantDays,
    int ProgrammeLinkedParticipants,
    int ProgrammeLinkedParticipantDays)
{
    public double OutcomeLinkedPercent() => ParticipantYear.Percent(OutcomeLinkedParticipants, Participants);
    public double OutcomeLinkedDaysPercent() => ParticipantYear.Percent(OutcomeLinkedParticipantDays, ParticipantDays);
    public double ProgrammeLinkedPercent() => ParticipantYear.Percent(ProgrammeLinkedParticipants, Participants);
    public double ProgrammeLinkedDaysPercent() => ParticipantYear.Percent(ProgrammeLinkedParticipantDays, ParticipantDays);
}

/// <summary>Which courses are linked, as the report needs it; an edition's own links are read from the edition.</summary>
/// <param name="ToProgrammes">Courses linked to at least one DWCP, as a whole or through an outcome.</param>
/// <param name="ToOutcomes">Courses linked to at least one country programme outcome.</param>
public sealed record CourseLinks(ISet<Guid> ToProgrammes, ISet<Guid> ToOutcomes);

public static class LinkedTrainingReport
{
    /// <summary>Counts each year of the period, including empty ones, by the year an edition starts.</summary>
    public static IReadOnlyList<LinkedTrainingYear> Count(IEnumerable<Edition> editions, CourseLinks links, int fromYear, int toYear) =>
        Count(TrainedInPeriod.Of(editions), links, fromYear, toYear);

    /// <summary>
    /// As above, over the editions' totals (<see cref="EditionTotals"/>): explicitly linked to
    /// outcomes when the edition or its course names at least one outcome; linked to a DWCP in any
    /// way, a course linked to a programme as a whole included.
    /// </summary>
    public static IReadOnlyList<LinkedTrainingYear> Count(TrainedInPeriod trained, CourseLinks links, int fromYear, int toYear) =>
        Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var all = trained.Years.Where(t => t.Year == year).ToList();
            var toOutcome = trained.Linked(year, t => t.EditionLinkedToOutcome, links.ToOutcomes);
            var toProgramme = trained.Linked(year, t => t.EditionLinkedToProgramme, links.ToProgrammes);
            return new LinkedTrainingYear(year, all.Sum(t => t.Participants), all.Sum(t => t.ParticipantDays),
                toOutcome.Participants, toOutcome.Days, toProgramme.Participants, toProgramme.Days);
        }).ToList();
}
