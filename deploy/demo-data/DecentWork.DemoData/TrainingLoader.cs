using DecentWork.ServiceDefaults.Grpc;
using Programming = DecentWork.Contracts.Programming.V1;
using Training = DecentWork.Contracts.Training.V1;

namespace DecentWork.DemoData;

/// <summary>
/// The Turin Centre's catalogue and its 2005-2007 participants, shaped so the training reports give
/// the paper's figures: over 12,000 participants in 2007 (here 12,200), 25 per cent of them
/// employers' and workers' representatives, up 40 per cent since 2006, 85 per cent of training
/// linked to outcomes, 175 officials trained on the TC Manual course, fellowships almost doubled
/// in two years. Courses other than the TC Manual, and how participants split by course, group and
/// country, are illustrative. History is recorded on held editions, by count for the large courses
/// and by name where fellowships need a person. Safe to run again.
/// </summary>
public sealed class TrainingLoader(Training.TrainingService.TrainingServiceClient training)
{
    /// <summary>Participants of one held edition per group: government, employers, workers, staff, other.</summary>
    private sealed record EditionSeed(int Year, int Government, int Employers, int Workers, int Staff, int Other)
    {
        public int Total => Government + Employers + Workers + Staff + Other;
    }

    /// <summary>A course, the outcome it serves in each pilot (by outcome code suffix, e.g. "101"), and its editions.</summary>
    private sealed record CourseSeed(string Code, string Title, Training.CourseTheme Theme, Training.ConstituentGroup Audience,
        string? OutcomeSuffix, bool ByName, EditionSeed[] Editions);

    private static readonly CourseSeed[] Courses =
    [
        new("TCMANUAL", "Technical cooperation manual: project design and management for DWCPs", Training.CourseTheme.TcProjectDesign,
            Training.ConstituentGroup.Staff, "101", ByName: true,
            [new(2005, 15, 0, 0, 25, 0), new(2006, 20, 0, 0, 40, 0), new(2007, 25, 0, 0, 50, 0)]),
        new("EWORG", "Strengthening employers' and workers' organisations for social dialogue", Training.CourseTheme.SocialDialogue,
            Training.ConstituentGroup.Employers, "202", ByName: true,
            [new(2005, 0, 15, 15, 0, 0), new(2006, 0, 20, 20, 0, 0), new(2007, 0, 25, 25, 0, 0)]),
        new("YOUTHEMP", "Youth employment policies and programmes", Training.CourseTheme.Employment,
            Training.ConstituentGroup.Government, "101", ByName: false,
            [new(2006, 3200, 400, 300, 0, 100), new(2007, 2800, 500, 500, 0, 200)]),
        new("SOCSEC", "Social security financing and governance", Training.CourseTheme.SocialProtection,
            Training.ConstituentGroup.Government, "201", ByName: false,
            [new(2006, 2900, 300, 200, 0, 100), new(2007, 2300, 400, 600, 0, 200)]),
        new("ILSJUDGES", "International labour standards for judges, lawyers and legal educators", Training.CourseTheme.StandardsAndRights,
            Training.ConstituentGroup.Government, "102", ByName: false,
            [new(2006, 1061, 400, 339, 0, 100), new(2007, 1545, 400, 600, 0, 200)]),
        new("RBMUNREFORM", "Results-based management and UN reform for country teams", Training.CourseTheme.ResultsBasedManagement,
            Training.ConstituentGroup.Staff, OutcomeSuffix: null, ByName: false,
            [new(2006, 1000, 100, 100, 300, 0), new(2007, 1000, 0, 0, 500, 330)]),
    ];

    /// <summary>Fellowships on the employers' and workers' course: 12 in 2005, 17 in 2006, 23 in 2007 ("almost doubled in two years").</summary>
    private static readonly Dictionary<int, int> FellowshipsByYear = new() { [2005] = 12, [2006] = 17, [2007] = 23 };

    public async Task LoadAsync(IReadOnlyDictionary<string, Programming.Programme> programmes, IReadOnlyList<string> fellowshipPartnerIds)
    {
        foreach (var seed in Courses)
        {
            var course = await CourseAsync(seed);
            if (seed.OutcomeSuffix is { } suffix)
                foreach (var pilot in ProgrammeDemo.Pilots) course = await LinkAsync(course, programmes[pilot], suffix);
            foreach (var edition in seed.Editions) await EditionAsync(course, seed, edition, fellowshipPartnerIds);
        }
    }

    private async Task<Training.Course> CourseAsync(CourseSeed seed)
    {
        var existing = await training.ListCoursesAsync(new Training.ListCoursesRequest { Text = seed.Code, PageSize = 10 });
        return existing.Courses.FirstOrDefault(c => c.Code == seed.Code)
            ?? await training.PublishCourseAsync(new Training.PublishCourseRequest
            {
                Code = seed.Code,
                Title = seed.Title,
                Description = $"{seed.Title}, in support of Decent Work Country Programmes.",
                Themes = { seed.Theme },
                TargetGroups = { seed.Audience },
                DeliveryModes = { Training.DeliveryMode.TurinCampus, Training.DeliveryMode.Field },
                Languages = { "en", "fr", "es" },
                DurationDays = 5,
            });
    }

    /// <summary>Training knows an outcome once programming's approval event has reached it.</summary>
    private async Task<Training.Course> LinkAsync(Training.Course course, Programming.Programme programme, string suffix)
    {
        var outcome = programme.Priorities.SelectMany(p => p.Outcomes).Single(o => o.Code.EndsWith(suffix, StringComparison.Ordinal));
        if (course.LinkedOutcomes.Any(l => l.OutcomeId == outcome.Id)) return course;
        return await WhenKnown.RetryAsync(() => training.LinkCourseToOutcomeAsync(new Training.LinkCourseToOutcomeRequest
        {
            CourseId = course.Id,
            ProgrammeId = programme.Id,
            OutcomeId = outcome.Id,
        }).ResponseAsync);
    }

    private async Task EditionAsync(Training.Course course, CourseSeed seed, EditionSeed edition, IReadOnlyList<string> partnerIds)
    {
        var start = new DateOnly(edition.Year, 5, 7);
        var editions = await training.ListEditionsAsync(new Training.ListEditionsRequest { CourseId = course.Id, PageSize = 50 });
        var held = editions.Editions.FirstOrDefault(e => e.StartDate.Year == edition.Year)
            ?? await training.ScheduleEditionAsync(new Training.ScheduleEditionRequest
            {
                CourseId = course.Id,
                StartDate = ProtoConvert.ToDate(start),
                EndDate = ProtoConvert.ToDate(start.AddDays(4)),
                Venue = "International Training Centre, Turin",
                DeliveryMode = Training.DeliveryMode.TurinCampus,
                Capacity = Math.Max(edition.Total, 30),
                Fee = ProtoConvert.ToMoney(3_500m),
                ApplicationDeadline = ProtoConvert.ToDate(start.AddDays(-30)),
            });
        foreach (var status in new[] { Training.EditionStatus.Open, Training.EditionStatus.Closed, Training.EditionStatus.Held }.Where(s => s > held.Status))
            held = await training.SetEditionStatusAsync(new Training.SetEditionStatusRequest { CourseId = course.Id, EditionId = held.Id, Status = status });
        if (held.Enrolments.Count == 0 && held.ParticipantCounts.Count == 0) held = await RecordParticipantsAsync(course, seed, edition, held);
        if (seed.Code == "EWORG") await FellowshipsAsync(course, held, partnerIds);
    }

    private async Task<Training.Edition> RecordParticipantsAsync(Training.Course course, CourseSeed seed, EditionSeed edition, Training.Edition held)
    {
        var request = new Training.RecordPastParticipantsRequest { CourseId = course.Id, EditionId = held.Id };
        var groups = new[]
        {
            (Training.ConstituentGroup.Government, edition.Government), (Training.ConstituentGroup.Employers, edition.Employers),
            (Training.ConstituentGroup.Workers, edition.Workers), (Training.ConstituentGroup.Staff, edition.Staff), (Training.ConstituentGroup.Other, edition.Other),
        };
        foreach (var (group, count) in groups.Where(g => g.Item2 > 0))
        {
            // Spread over the pilots' countries, women and men as evenly as the numbers allow.
            for (var i = 0; i < ProgrammeDemo.Pilots.Length; i++)
            {
                var share = count / ProgrammeDemo.Pilots.Length + (i < count % ProgrammeDemo.Pilots.Length ? 1 : 0);
                var country = ProgrammeDemo.Pilots[i];
                if (seed.ByName)
                {
                    for (var n = 0; n < share; n++)
                        request.Participants.Add(new Training.PastParticipant
                        {
                            ParticipantName = $"{seed.Code} {edition.Year} {group} {country} participant {n + 1}",
                            Sex = n % 2 == 0 ? Training.Sex.Female : Training.Sex.Male,
                            CountryCode = country,
                            ConstituentGroup = group,
                            Organisation = $"{group} organisation, {country}",
                            Status = Training.EnrolmentStatus.Certified,
                        });
                    continue;
                }
                foreach (var (sex, part) in new[] { (Training.Sex.Female, share / 2), (Training.Sex.Male, share - share / 2) }.Where(p => p.Item2 > 0))
                    request.ParticipantCounts.Add(new Training.PastParticipantCount
                    {
                        Sex = sex, CountryCode = country, ConstituentGroup = group, Status = Training.EnrolmentStatus.Certified, Count = part,
                    });
            }
        }
        return await training.RecordPastParticipantsAsync(request);
    }

    private async Task FellowshipsAsync(Training.Course course, Training.Edition edition, IReadOnlyList<string> partnerIds)
    {
        var fellows = edition.Enrolments.Take(FellowshipsByYear[edition.StartDate.Year]).ToList();
        foreach (var (enrolment, i) in fellows.Select((e, i) => (e, i)).Where(f => f.e.Fellowship is null))
            await WhenKnown.RetryAsync(() => training.AwardFellowshipAsync(new Training.AwardFellowshipRequest
            {
                CourseId = course.Id,
                EditionId = edition.Id,
                EnrolmentId = enrolment.Id,
                PartnerId = partnerIds[i % partnerIds.Count],
                Amount = ProtoConvert.ToMoney(4_200m),
            }).ResponseAsync);
    }
}
