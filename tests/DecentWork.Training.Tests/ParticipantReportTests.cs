using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class ParticipantReportTests
{
    private static readonly DateTimeOffset When = new(2006, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A held edition of the given year (5 days long) with these participants trained, plus one withdrawn.</summary>
    private static Edition HeldEdition(Guid courseId, int year, params ConstituentGroup[] trained)
    {
        var start = new DateOnly(year, 6, 2);
        var edition = Edition.Schedule(courseId, EditionTests.Plan(capacity: 100) with { StartDate = start, EndDate = start.AddDays(4), ApplicationDeadline = start.AddDays(-1) });
        edition.MoveTo(EditionStatus.Open);
        var applied = new DateTimeOffset(start.AddDays(-10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var enrolments = trained.Select((group, i) => edition.Apply(EnrolmentTests.Person($"P{i}", group), applied)).ToList();
        var withdrawn = edition.Apply(EnrolmentTests.Person("Gone"), applied);
        enrolments.ForEach(e => edition.Accept(e.Id, applied));
        edition.Withdraw(withdrawn.Id, applied);
        edition.MoveTo(EditionStatus.Closed);
        edition.MoveTo(EditionStatus.Held, TrainingFixture.Today);
        enrolments.ForEach(e => edition.RecordAttendance(e.Id, When));
        return edition;
    }

    [Fact]
    public void Count_PerYear_CountsTrainedParticipantsGroupsSharesAndDays()
    {
        var linked = Guid.NewGuid();
        var unlinked = Guid.NewGuid();
        var editions = new[]
        {
            HeldEdition(linked, 2006, ConstituentGroup.Employers, ConstituentGroup.Government, ConstituentGroup.Government, ConstituentGroup.Government),
            HeldEdition(linked, 2007, ConstituentGroup.Employers, ConstituentGroup.Workers, ConstituentGroup.Government),
            HeldEdition(unlinked, 2007, ConstituentGroup.Staff),
            HeldEdition(linked, 2009, ConstituentGroup.Workers),
        };

        var years = ParticipantReport.Count(editions, new HashSet<Guid> { linked }, 2006, 2008);

        Assert.Equal([2006, 2007, 2008], years.Select(y => y.Year));
        var (y2006, y2007, y2008) = (years[0], years[1], years[2]);
        Assert.Equal((4, 25.0, 100.0, 20), (y2006.Participants, y2006.EmployersAndWorkersPercent(), y2006.LinkedPercent(), y2006.ParticipantDays));
        Assert.Equal((4, 50.0, 75.0, 75.0), (y2007.Participants, y2007.EmployersAndWorkersPercent(), y2007.LinkedPercent(), y2007.LinkedDaysPercent()));
        Assert.Equal(4, y2007.Female);
        Assert.Equal(100.0, y2007.EmployersAndWorkersGrowthPercent(y2006));
        Assert.Equal(1, y2007.ByGroup[ConstituentGroup.Staff]);
        Assert.Equal(2, y2006.ByGroup.Count);
        Assert.Equal((0, 0.0, 0.0, -100.0), (y2008.Participants, y2008.EmployersAndWorkersPercent(), y2008.LinkedPercent(), y2008.EmployersAndWorkersGrowthPercent(y2006)));
        Assert.Equal(0, y2006.EmployersAndWorkersGrowthPercent(y2008));
    }
}
