using System.Globalization;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>
/// The editions' additive training figures, kept by the store with every edition saved (an
/// enrolment, attendance, a link or a fellowship is a save of its edition). Three families:
/// "y|year|edition linked to a DWCP (0/1)|to an outcome (0/1)" holds who every edition of the year
/// trained and how many were held (at most four buckets a year, whatever the courses);
/// "c|course|year|flags" the same per course, course first, so one course's period is one key range;
/// "f|year|partner" the fellowships of enrolments not withdrawn. The participant and
/// linked-training reports read the year family, plus the course family of the courses linked
/// themselves (<see cref="LinkedCourses"/>), because a course's links are the course's and can
/// change without any edition being saved; the course report reads its course's range.
/// </summary>
public sealed class EditionTotals : Projection<Edition>
{
    public const string ProjectionName = "edition-totals";
    internal const string Participants = "participants", Days = "days", Female = "female", EmployersAndWorkers = "ew",
        Certified = "certified", Held = "held", Usd = "usd", GroupPrefix = "g";

    public override string Name => ProjectionName;

    // 2: the "t|year|course|..." family, which every report read whole, became "y" (per year) and "c" (course first).
    public override int Version => 2;

    public override void Contribute(Edition edition, Contributions contributions)
    {
        var year = BucketKey.Year(edition.StartYear);
        var (toProgramme, toOutcome) = (Flag(edition.LinkedProgrammeIds.Count > 0), Flag(edition.IsLinkedToOutcome));
        AddTrained(edition, BucketKey.Of(YearFamily, year, toProgramme, toOutcome), contributions);
        AddTrained(edition, BucketKey.Of(CourseFamily, edition.CourseId.ToString("N"), year, toProgramme, toOutcome), contributions);
        foreach (var enrolment in edition.Enrolments.Where(n => n.Fellowship is not null && n.Status != EnrolmentStatus.Withdrawn))
        {
            var fellowship = BucketKey.Of("f", year, enrolment.Fellowship!.PartnerId.ToString("N"));
            contributions.Count(fellowship).Add(fellowship, Usd, enrolment.Fellowship.AmountUsd);
        }
    }

    private static void AddTrained(Edition edition, string key, Contributions contributions)
    {
        if (edition.Status == EditionStatus.Held) contributions.Add(key, Held, 1m);
        foreach (var trained in edition.Trained())
        {
            contributions.Add(key, Participants, trained.Count).Add(key, Days, trained.Count * edition.LengthInDays())
                .Add(key, GroupPrefix + (int)trained.Group, trained.Count);
            if (trained.Sex == Sex.Female) contributions.Add(key, Female, trained.Count);
            if (trained.IsEmployerOrWorker) contributions.Add(key, EmployersAndWorkers, trained.Count);
            if (trained.Certified) contributions.Add(key, Certified, trained.Count);
        }
    }

    internal const string YearFamily = "y", CourseFamily = "c";

    /// <summary>Every edition starting in the period, per year and the editions' own links.</summary>
    public static BucketRange TrainedBetween(int fromYear, int toYear) => BucketRange.Between($"{YearFamily}|{BucketKey.Year(fromYear)}", $"{YearFamily}|{BucketKey.Year(toYear)}");

    /// <summary>One course's editions starting in the period, per year and the editions' own links.</summary>
    public static BucketRange CourseTrainedBetween(Guid courseId, int fromYear, int toYear) =>
        BucketRange.Between($"{CourseFamily}|{courseId:N}|{BucketKey.Year(fromYear)}", $"{CourseFamily}|{courseId:N}|{BucketKey.Year(toYear)}");

    public static BucketRange FellowshipsBetween(int fromYear, int toYear) => BucketRange.Between($"f|{BucketKey.Year(fromYear)}", $"f|{BucketKey.Year(toYear)}");

    private static string Flag(bool value) => value ? "1" : "0";
}

/// <summary>
/// One "y" or "c" bucket, parsed: who the editions of one year (and, for "c", one course), linked
/// alike, trained. <see cref="CourseId"/> is null for a year bucket.
/// </summary>
public sealed record EditionTotal(int Year, Guid? CourseId, bool EditionLinkedToProgramme, bool EditionLinkedToOutcome,
    int Participants, int ParticipantDays, int Female, int EmployersAndWorkers, int Certified, int EditionsHeld,
    IReadOnlyDictionary<ConstituentGroup, int> ByGroup)
{
    public static List<EditionTotal> From(IEnumerable<Bucket> buckets) => [.. buckets.Where(b => b.Parts[0] is EditionTotals.YearFamily or EditionTotals.CourseFamily).Select(b =>
    {
        // "y|year|p|o" or "c|course|year|p|o": the year and flags are the last three parts.
        var parts = b.Parts;
        var year = parts[^3];
        int Figure(string name) => (int)b[name];
        var byGroup = b.Figures.Where(f => f.Key.StartsWith(EditionTotals.GroupPrefix, StringComparison.Ordinal))
            .ToDictionary(f => (ConstituentGroup)int.Parse(f.Key[1..], CultureInfo.InvariantCulture), f => (int)f.Value);
        return new EditionTotal(int.Parse(year, CultureInfo.InvariantCulture), parts[0] == EditionTotals.CourseFamily ? Guid.ParseExact(parts[1], "N") : null,
            parts[^2] == "1", parts[^1] == "1",
            Figure(EditionTotals.Participants), Figure(EditionTotals.Days), Figure(EditionTotals.Female), Figure(EditionTotals.EmployersAndWorkers),
            Figure(EditionTotals.Certified), Figure(EditionTotals.Held), byGroup);
    })];
}

/// <summary>
/// The training of a period as the participant and linked-training reports read it:
/// <paramref name="Years"/> every edition's figures per year (year buckets, or the buckets of one
/// course when the report is for one course); <paramref name="OfLinkedCourses"/> the course
/// buckets of the courses linked themselves (a superset does no harm: the reports pick the
/// courses they count by the course's links).
/// </summary>
public sealed record TrainedInPeriod(IReadOnlyList<EditionTotal> Years, IReadOnlyList<EditionTotal> OfLinkedCourses)
{
    /// <summary>Of a set of editions, computed in memory the way the store keeps them (every course's buckets).</summary>
    public static TrainedInPeriod Of(IEnumerable<Edition> editions)
    {
        var totals = EditionTotal.From(new EditionTotals().BucketsOf(editions));
        return new([.. totals.Where(t => t.CourseId is null)], [.. totals.Where(t => t.CourseId is not null)]);
    }

    /// <summary>
    /// The participants and participant-days of the year that a link counts: those of editions linked
    /// themselves (<paramref name="byEdition"/>), plus those of the other editions of the courses
    /// <paramref name="linkedCourses"/> names.
    /// </summary>
    public (int Participants, int Days) Linked(int year, Func<EditionTotal, bool> byEdition, ISet<Guid> linkedCourses)
    {
        var rows = Years.Where(t => t.Year == year && byEdition(t))
            .Concat(OfLinkedCourses.Where(t => t.Year == year && !byEdition(t) && linkedCourses.Contains(t.CourseId!.Value)));
        return rows.Aggregate((0, 0), (sum, t) => (sum.Item1 + t.Participants, sum.Item2 + t.ParticipantDays));
    }
}

/// <summary>One "f" bucket, parsed: one partner's fellowships in one year.</summary>
public sealed record FellowshipTotal(int Year, Guid PartnerId, int Fellowships, decimal AmountUsd)
{
    public static List<FellowshipTotal> From(IEnumerable<Bucket> buckets) => [.. buckets.Where(b => b.Parts[0] == "f").Select(b =>
        new FellowshipTotal(int.Parse(b.Parts[1], CultureInfo.InvariantCulture), Guid.ParseExact(b.Parts[2], "N"), (int)b.Count, b[EditionTotals.Usd]))];

    public static List<FellowshipTotal> Of(IEnumerable<Edition> editions) => From(new EditionTotals().BucketsOf(editions));
}
