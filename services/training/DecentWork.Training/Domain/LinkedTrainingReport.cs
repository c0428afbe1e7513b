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
public sealed record CourseLinks(ISet<Guid> ToProgrammes, ISet<Guid> ToOutcomes)
{
    /// <summary>Explicitly linked to outcomes: the edition or its course names at least one outcome.</summary>
    public bool LinkedToOutcome(EditionTotal editions) => editions.EditionLinkedToOutcome || ToOutcomes.Contains(editions.CourseId);

    /// <summary>Linked to a DWCP in any way, including a course linked to a programme as a whole.</summary>
    public bool LinkedToProgramme(EditionTotal editions) => editions.EditionLinkedToProgramme || ToProgrammes.Contains(editions.CourseId);
}

public static class LinkedTrainingReport
{
    /// <summary>Counts each year of the period, including empty ones, by the year an edition starts.</summary>
    public static IReadOnlyList<LinkedTrainingYear> Count(IEnumerable<Edition> editions, CourseLinks links, int fromYear, int toYear) =>
        Count(EditionTotal.Of(editions), links, fromYear, toYear);

    /// <summary>As above, over the editions' totals (<see cref="EditionTotals"/>).</summary>
    public static IReadOnlyList<LinkedTrainingYear> Count(IEnumerable<EditionTotal> totals, CourseLinks links, int fromYear, int toYear)
    {
        var byYear = totals.Where(t => t.Year >= fromYear && t.Year <= toYear).ToLookup(t => t.Year);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year =>
        {
            var rows = byYear[year].Select(t => (
                t.Participants, Days: t.ParticipantDays,
                ToOutcome: links.LinkedToOutcome(t), ToProgramme: links.LinkedToProgramme(t))).ToList();
            return new LinkedTrainingYear(
                year,
                rows.Sum(r => r.Participants),
                rows.Sum(r => r.Days),
                rows.Where(r => r.ToOutcome).Sum(r => r.Participants),
                rows.Where(r => r.ToOutcome).Sum(r => r.Days),
                rows.Where(r => r.ToProgramme).Sum(r => r.Participants),
                rows.Where(r => r.ToProgramme).Sum(r => r.Days));
        }).ToList();
    }
}
