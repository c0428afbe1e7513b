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
    public static ProjectParticipationReport From(IReadOnlyList<Bucket> meetings, IReadOnlyList<Bucket> committees)
    {
        static List<StakeholderTotal> ByGroup(IReadOnlyList<Bucket> buckets) => [.. Enum.GetValues<StakeholderGroup>().Select(group => new StakeholderTotal(group,
            (int)buckets.Sum(b => b[ProjectParticipationProjection.Figure(group, "women")]),
            (int)buckets.Sum(b => b[ProjectParticipationProjection.Figure(group, "men")]),
            (int)buckets.Sum(b => b[ProjectParticipationProjection.Figure(group, "n")])))];
        return new ProjectParticipationReport((int)meetings.Sum(b => b.Count), meetings.Select(ProjectParticipationProjection.ProjectOf).Distinct().Count(),
            committees.Count, ByGroup(meetings), ByGroup(committees));
    }
}

/// <summary>
/// Kept with every project saved: "c|year|country|project" per year of meetings (count = meetings)
/// and "m|year|country|project" for the committee (year it was set up), each with per group the
/// women, men and number of entries. Country "" for a project in several countries. A withdrawn
/// project still counts: its meetings happened.
/// </summary>
public sealed class ProjectParticipationProjection : Projection<Project>
{
    public const string ProjectionName = "project-participation";
    public const string MeetingFamily = "c";
    public const string CommitteeFamily = "m";
    public override string Name => ProjectionName;

    public static string Figure(StakeholderGroup group, string what) => $"{(int)group}-{what}";

    public static Guid ProjectOf(Bucket bucket) => Guid.ParseExact(bucket.Parts[3], "N");

    public static string CountryOf(Bucket bucket) => bucket.Parts[2];

    public static int YearOf(Bucket bucket) => int.Parse(bucket.Parts[1], NumberStyles.None, CultureInfo.InvariantCulture);

    public static BucketRange Between(string family, int startYear, int endYear) =>
        BucketRange.Between($"{family}{BucketKey.Separator}{startYear:D4}", $"{family}{BucketKey.Separator}{endYear:D4}");

    public override void Contribute(Project state, Contributions contributions)
    {
        var country = FinanceAttribution.Of(state).CountryCode;
        foreach (var year in state.Meetings.GroupBy(m => m.HeldOn.Year))
        {
            var key = Key(MeetingFamily, year.Key, country, state.Id);
            foreach (var meeting in year)
            {
                contributions.Count(key);
                Add(contributions, key, meeting.Participants);
            }
        }
        if (state.Committee is { } committee)
        {
            var key = Key(CommitteeFamily, committee.EstablishedOn.Year, country, state.Id);
            contributions.Count(key);
            Add(contributions, key, committee.Members);
        }
    }

    private static string Key(string family, int year, string country, Guid projectId) =>
        BucketKey.Of(family, year.ToString("D4", CultureInfo.InvariantCulture), country, projectId.ToString("N"));

    private static void Add(Contributions contributions, string key, IEnumerable<StakeholderParticipation> participants)
    {
        foreach (var p in participants)
            contributions.Add(key, Figure(p.Group, "women"), p.Women).Add(key, Figure(p.Group, "men"), p.Men).Add(key, Figure(p.Group, "n"), 1);
    }
}
