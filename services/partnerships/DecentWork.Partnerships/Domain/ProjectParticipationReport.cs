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
    /// From per-country buckets ("cc" and "mc"), when <see cref="CountsEachProjectOnce"/> holds for
    /// them. A project is counted at its first meeting year in the buckets given, the only one whose
    /// previous meeting year is before the first year its country has there: a project's earlier
    /// meeting year in between would have a bucket of that country in an earlier year.
    /// </summary>
    public static ProjectParticipationReport FromCountryTotals(IReadOnlyList<Bucket> meetings, IReadOnlyList<Bucket> committees)
    {
        var firstYears = meetings.GroupBy(ProjectParticipationProjection.CountryOf)
            .ToDictionary(g => g.Key, g => g.Min(ProjectParticipationProjection.YearOf));
        var projects = meetings.Sum(b => b.Figures
            .Where(f => ProjectParticipationProjection.PreviousMeetingYearOf(f.Key) is { } previous
                && previous < firstYears[ProjectParticipationProjection.CountryOf(b)])
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
/// with per group the women, men and number of entries; and the same summed per country,
/// "cc|year|country" and "mc|year|country", so a report reads years × countries buckets, not
/// projects. A distinct count of projects does not add up over years, so each "cc" bucket also
/// counts its projects by their previous meeting year ("previous-2009", "previous-none" for a
/// first meeting): see <see cref="ProjectParticipationReport.FromCountryTotals"/>. Country "" for a
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
    private const string PreviousMeetingYear = "previous-";
    private const string NoPreviousMeeting = "none";

    public override string Name => ProjectionName;

    // 2: the per-country families beside the per-project ones.
    public override int Version => 2;

    public static string Figure(StakeholderGroup group, string what) => $"{(int)group}-{what}";

    /// <summary>The previous meeting year a "cc" figure counts projects of (0: none), or null for any other figure.</summary>
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
            var key = Key(MeetingFamily, year.Key, country, state.Id);
            var countryKey = CountryKey(MeetingsByCountryFamily, year.Key, country);
            foreach (var meeting in year)
            {
                contributions.Count(key).Count(countryKey);
                Add(contributions, key, meeting.Participants);
                Add(contributions, countryKey, meeting.Participants);
            }
            contributions.Add(countryKey, PreviousMeetingYear + previousYear, 1);
            previousYear = Year(year.Key);
        }
        if (state.Committee is { } committee)
        {
            var key = Key(CommitteeFamily, committee.EstablishedOn.Year, country, state.Id);
            var countryKey = CountryKey(CommitteesByCountryFamily, committee.EstablishedOn.Year, country);
            contributions.Count(key).Count(countryKey);
            Add(contributions, key, committee.Members);
            Add(contributions, countryKey, committee.Members);
        }
    }

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string Key(string family, int year, string country, Guid projectId) =>
        BucketKey.Of(family, Year(year), country, projectId.ToString("N"));

    private static string CountryKey(string family, int year, string country) => BucketKey.Of(family, Year(year), country);

    private static void Add(Contributions contributions, string key, IEnumerable<StakeholderParticipation> participants)
    {
        foreach (var p in participants)
            contributions.Add(key, Figure(p.Group, "women"), p.Women).Add(key, Figure(p.Group, "men"), p.Men).Add(key, Figure(p.Group, "n"), 1);
    }
}
