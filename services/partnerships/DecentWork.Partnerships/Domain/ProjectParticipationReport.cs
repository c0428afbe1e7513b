using System.Globalization;
using DecentWork.Partnerships.Domain.Finance;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>Women and men of one group over the meetings or committees counted, and how many of those the group took part in.</summary>
public sealed record StakeholderTotal(StakeholderGroup Group, int Women, int Men, int Gatherings);

/// <summary>
/// Participation in projects' committees and consultations: a pure function of the
/// <see cref="ProjectParticipationProjection"/> buckets the caller may see.
/// </summary>
public sealed record ProjectParticipationReport(int MeetingCount, int ProjectCount, int CommitteeCount,
    IReadOnlyList<StakeholderTotal> Meetings, IReadOnlyList<StakeholderTotal> CommitteeMembers)
{
    /// <summary>From per-project buckets ("c" and "m"): the projects are the distinct ones among the meeting buckets.</summary>
    public static ProjectParticipationReport From(IReadOnlyList<Bucket> meetings, IReadOnlyList<Bucket> committees) =>
        new((int)meetings.Sum(b => b.Count), meetings.Select(ProjectParticipationProjection.ProjectOf).Distinct().Count(),
            committees.Count, ByGroup(meetings), ByGroup(committees));

    /// <summary>
    /// From per-year totals: per country ("cc" and "mc", <paramref name="placeOf"/> its country) when
    /// <see cref="CountsEachProjectOnce"/> holds for them, or of every country ("cy" and "my", one
    /// place). A project is counted at its first meeting year in the buckets given, the only one
    /// whose previous meeting year is before the first year its place has there: a project's earlier
    /// meeting year in between would have a bucket of that place in an earlier year.
    /// </summary>
    public static ProjectParticipationReport FromTotals(IReadOnlyList<Bucket> meetings, IReadOnlyList<Bucket> committees, Func<Bucket, string> placeOf)
    {
        var firstYears = meetings.GroupBy(placeOf).ToDictionary(g => g.Key, g => g.Min(ProjectParticipationProjection.YearOf));
        var projects = meetings.Sum(b => b.Figures
            .Where(f => ProjectParticipationProjection.PreviousMeetingYearOf(f.Key) is { } previous && previous < firstYears[placeOf(b)])
            .Sum(f => f.Value));
        return new((int)meetings.Sum(b => b.Count), (int)projects, (int)committees.Sum(b => b.Count), ByGroup(meetings), ByGroup(committees));
    }

    /// <summary>
    /// Whether the per-country meeting buckets a filter kept count each project once: true when in
    /// every country the filter admits each year from its first to its last kept bucket. A country
    /// that leaves a group and comes back would split its projects' meeting years into runs, and a
    /// project met in two runs would count twice; such a report reads the per-project buckets.
    /// </summary>
    public static bool CountsEachProjectOnce(IReadOnlyList<Bucket> meetings, Func<string, int, bool> admits) =>
        meetings.GroupBy(ProjectParticipationProjection.CountryOf).All(country =>
        {
            var (first, last) = (country.Min(ProjectParticipationProjection.YearOf), country.Max(ProjectParticipationProjection.YearOf));
            return Enumerable.Range(first, last - first + 1).All(year => admits(country.Key, year));
        });

    private static List<StakeholderTotal> ByGroup(IReadOnlyList<Bucket> buckets) => [.. Enum.GetValues<StakeholderGroup>().Select(group => new StakeholderTotal(group,
        (int)buckets.Sum(b => b[ProjectParticipationProjection.Figure(group, "women")]),
        (int)buckets.Sum(b => b[ProjectParticipationProjection.Figure(group, "men")]),
        (int)buckets.Sum(b => b[ProjectParticipationProjection.Figure(group, "n")])))];
}

/// <summary>
/// Kept with every project saved, per project: "c|year|country|project" per year of meetings
/// (count = meetings) and "m|year|country|project" for the committee (year it was set up), each
/// with per group the women, men and number of entries; the same summed per country,
/// "cc|year|country" and "mc|year|country" (a country or a country group asked: years × countries
/// buckets), and over every country, "cy|year" and "my|year" (nothing asked: one bucket a year).
/// A distinct count of projects does not add up over years, so each "cc" and "cy" bucket also
/// counts its projects by their previous meeting year ("previous-2009", "previous-none" for a
/// first meeting): see <see cref="ProjectParticipationReport.FromTotals"/>. Country "" for a
/// project in several countries. A withdrawn project still counts: its meetings happened. The
/// per-project buckets remain for a partner agency's scope, a set of projects.
/// </summary>
public sealed class ProjectParticipationProjection : Projection<Project>
{
    public const string ProjectionName = "project-participation";
    public const string MeetingFamily = "c";
    public const string CommitteeFamily = "m";
    public const string MeetingsByCountryFamily = "cc";
    public const string CommitteesByCountryFamily = "mc";
    public const string MeetingsByYearFamily = "cy";
    public const string CommitteesByYearFamily = "my";
    private const string PreviousMeetingYear = "previous-";
    private const string NoPreviousMeeting = "none";

    public override string Name => ProjectionName;

    // 2: the per-country and per-year families beside the per-project ones.
    public override int Version => 2;

    public static string Figure(StakeholderGroup group, string what) => $"{(int)group}-{what}";

    /// <summary>The previous meeting year a "cc" or "cy" figure counts projects of (0: none), or null for any other figure.</summary>
    public static int? PreviousMeetingYearOf(string figure) =>
        !figure.StartsWith(PreviousMeetingYear, StringComparison.Ordinal) ? null
        : figure[PreviousMeetingYear.Length..] is var year && year == NoPreviousMeeting ? 0
        : int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture);

    public static Guid ProjectOf(Bucket bucket) => Guid.ParseExact(bucket.Parts[3], "N");

    public static string CountryOf(Bucket bucket) => bucket.Parts[2];

    public static int YearOf(Bucket bucket) => int.Parse(bucket.Parts[1], NumberStyles.None, CultureInfo.InvariantCulture);

    public static BucketRange Between(string family, int startYear, int endYear) =>
        BucketRange.Between($"{family}{BucketKey.Separator}{startYear:D4}", $"{family}{BucketKey.Separator}{endYear:D4}");

    public override void Contribute(Project state, Contributions contributions)
    {
        var country = FinanceAttribution.Of(state).CountryCode;
        var previousYear = NoPreviousMeeting;
        foreach (var year in state.Meetings.GroupBy(m => m.HeldOn.Year).OrderBy(g => g.Key))
        {
            string[] keys = [Key(MeetingFamily, year.Key, country, state.Id), TotalKey(MeetingsByCountryFamily, year.Key, country),
                TotalKey(MeetingsByYearFamily, year.Key)];
            foreach (var key in keys)
                foreach (var meeting in year)
                {
                    contributions.Count(key);
                    Add(contributions, key, meeting.Participants);
                }
            contributions.Add(keys[1], PreviousMeetingYear + previousYear, 1).Add(keys[2], PreviousMeetingYear + previousYear, 1);
            previousYear = BucketKey.Year(year.Key);
        }
        if (state.Committee is { } committee)
        {
            var year = committee.EstablishedOn.Year;
            foreach (var key in new[] { Key(CommitteeFamily, year, country, state.Id), TotalKey(CommitteesByCountryFamily, year, country),
                TotalKey(CommitteesByYearFamily, year) })
            {
                contributions.Count(key);
                Add(contributions, key, committee.Members);
            }
        }
    }

    private static string Key(string family, int year, string country, Guid projectId) =>
        BucketKey.Of(family, BucketKey.Year(year), country, projectId.ToString("N"));

    private static string TotalKey(string family, int year, params string[] country) => BucketKey.Of([family, BucketKey.Year(year), .. country]);

    private static void Add(Contributions contributions, string key, IEnumerable<StakeholderParticipation> participants)
    {
        foreach (var p in participants)
            contributions.Add(key, Figure(p.Group, "women"), p.Women).Add(key, Figure(p.Group, "men"), p.Men).Add(key, Figure(p.Group, "n"), 1);
    }
}
