using DecentWork.Contracts.Events.Programming;
using DecentWork.Training.Domain;

namespace DecentWork.Training.Tests;

public class LinkedReportsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    private static readonly ProgrammeOutcome Jobs = new(Guid.NewGuid(), "ZMB 101", "Jobs", 2, 1m);

    private static KnownProgramme Approved()
    {
        var programme = KnownProgramme.Heard(Guid.NewGuid(), "ZMB", "DWCP Zambia");
        programme.ApplyOutcome(Jobs, withdrawn: false, Now);
        return programme;
    }

    /// <summary>A five-day edition held in the year with this many counted government participants from Zambia.</summary>
    private static Edition HeldWith(Guid courseId, int year, int participants, params PastParticipantCount[] more)
    {
        var edition = PastParticipantCountTests.Held(capacity: 1000, courseId, new DateOnly(year, 6, 2));
        edition.RecordPast([], [PastParticipantCountTests.Count(participants), .. more], Now);
        return edition;
    }

    [Fact]
    public void LinkedTrainingReport_SeparatesOutcomeLinksFromProgrammeLinksByParticipantsAndDays()
    {
        var (outcomeCourse, programmeCourse, plainCourse) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var editionLinked = HeldWith(plainCourse, 2007, 10);
        editionLinked.LinkTo(Approved(), Jobs.OutcomeId, Now);
        var editions = new[]
        {
            HeldWith(outcomeCourse, 2007, 60),
            HeldWith(programmeCourse, 2007, 20),
            HeldWith(plainCourse, 2007, 10),
            editionLinked,
            HeldWith(outcomeCourse, 2005, 7),
        };
        var links = new CourseLinks(new HashSet<Guid> { outcomeCourse, programmeCourse }, new HashSet<Guid> { outcomeCourse });

        var years = LinkedTrainingReport.Count(editions, links, 2006, 2007);

        Assert.Equal([2006, 2007], years.Select(y => y.Year));
        Assert.Equal(new LinkedTrainingYear(2006, 0, 0, 0, 0, 0, 0), years[0]);
        Assert.Equal(new LinkedTrainingYear(2007, 100, 500, 70, 350, 90, 450), years[1]);
        Assert.Equal((70.0, 70.0, 90.0, 90.0), (years[1].OutcomeLinkedPercent(), years[1].OutcomeLinkedDaysPercent(), years[1].ProgrammeLinkedPercent(), years[1].ProgrammeLinkedDaysPercent()));
        Assert.Equal(0.0, years[0].OutcomeLinkedPercent());
    }

    [Fact]
    public void ParticipantReport_CountsCountedParticipantsAndEditionLinks()
    {
        var course = Guid.NewGuid();
        var linked = HeldWith(course, 2007, 3, PastParticipantCountTests.Count(2, ConstituentGroup.Workers, Sex.Female));
        linked.LinkTo(Approved(), Jobs.OutcomeId, Now);
        var editions = new[] { HeldWith(course, 2006, 4, PastParticipantCountTests.Count(1, ConstituentGroup.Employers)), linked };

        var years = ParticipantReport.Count(editions, new HashSet<Guid>(), 2006, 2007);

        Assert.Equal((5, 20.0, 0.0), (years[0].Participants, years[0].EmployersAndWorkersPercent(), years[0].LinkedPercent()));
        Assert.Equal((5, 2, 40.0, 100.0, 100.0, 25), (years[1].Participants, years[1].Female, years[1].EmployersAndWorkersPercent(),
            years[1].EmployersAndWorkersGrowthPercent(years[0]), years[1].LinkedPercent(), years[1].ParticipantDays));
        Assert.Equal([(ConstituentGroup.Government, 3), (ConstituentGroup.Workers, 2)], years[1].ByGroup.Select(g => (g.Key, g.Value)));
    }

    [Fact]
    public void CourseParticipantReport_CountsOneCoursesYearsCertifiedAndHeldEditions()
    {
        var course = Guid.NewGuid();
        var planned = Edition.Schedule(course, EditionTests.Plan() with { StartDate = new DateOnly(2008, 6, 2), EndDate = new DateOnly(2008, 6, 6), ApplicationDeadline = new DateOnly(2008, 6, 1) });
        var editions = new[]
        {
            HeldWith(course, 2006, 40),
            HeldWith(course, 2007, 50, PastParticipantCountTests.Count(25, ConstituentGroup.Employers, Sex.Female, certified: true)),
            HeldWith(course, 2007, 60),
            planned,
        };

        var years = CourseParticipantReport.Count(editions, 2006, 2008);

        Assert.Equal(
            [new CourseParticipantYear(2006, 1, 40, 0, 0, 0, 200), new CourseParticipantYear(2007, 2, 135, 25, 25, 25, 675), new CourseParticipantYear(2008, 0, 0, 0, 0, 0, 0)],
            years);
        Assert.Equal(new CourseParticipantYear(0, 3, 175, 25, 25, 25, 875), CourseParticipantReport.Total(years));
    }

    [Fact]
    public void ProgrammeTrainingCount_IncludesCountedParticipantsFromTheCountryOnly()
    {
        var tally = ProgrammeTraining.For(Approved());
        var edition = HeldWith(Guid.NewGuid(), 2007, 12, PastParticipantCountTests.Count(5, country: "MWI"));

        Assert.Equal((12, 60), tally.Count([edition]));
    }
}
