using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults.Grpc;
using Contract = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.Partnerships.Grpc;

/// <summary>A project's meetings and committee, and the participation report's rows, domain to proto; and participants from proto.</summary>
internal static class ProjectMeetingMapping
{
    public const int MaxPlaceLength = 200;
    public const int MaxUriLength = 2000;
    public const int MaxPeople = 100_000;

    public static void AddTo(Contract.Project proto, Project project)
    {
        proto.Meetings.AddRange(project.Meetings.Select(m =>
        {
            var meeting = new Contract.ProjectMeeting
            {
                Id = m.Id.ToString(), Kind = (Contract.ProjectMeetingKind)m.Kind, HeldOn = ProtoConvert.ToDate(m.HeldOn), Place = m.Place,
                DocumentUri = m.DocumentUri, RecordedBy = m.RecordedBy,
            };
            meeting.Participants.AddRange(m.Participants.Select(ToProto));
            return meeting;
        }));
        if (project.Committee is { } c)
        {
            proto.Committee = new Contract.ProjectCommittee { Name = c.Name, EstablishedOn = ProtoConvert.ToDate(c.EstablishedOn) };
            proto.Committee.Members.AddRange(c.Members.Select(ToProto));
        }
    }

    public static Contract.StakeholderTotal ToProto(StakeholderTotal t) => new()
    {
        Group = (Contract.StakeholderGroup)t.Group, Women = t.Women, Men = t.Men, GatheringCount = t.Gatherings,
    };

    private static Contract.StakeholderParticipation ToProto(StakeholderParticipation p) =>
        new() { Group = (Contract.StakeholderGroup)p.Group, Women = p.Women, Men = p.Men };

    /// <summary>Women and men per group: at least one entry, each group once, 0-100,000 each and at least one person per entry.</summary>
    public static List<StakeholderParticipation> People(IList<Contract.StakeholderParticipation> people, string field, FieldViolations violations)
    {
        violations.Check(people.Count == 0, field, "must list at least one group");
        violations.Check(people.GroupBy(p => p.Group).Any(g => g.Count() > 1), field, "must list each group at most once");
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            violations.Check(p.Group == Contract.StakeholderGroup.Unspecified || !Enum.IsDefined(p.Group), $"{field}[{i}].group", "is required and must be a known group");
            violations.Check(p.Women is < 0 or > MaxPeople, $"{field}[{i}].women", $"must be 0-{MaxPeople}");
            violations.Check(p.Men is < 0 or > MaxPeople, $"{field}[{i}].men", $"must be 0-{MaxPeople}");
            violations.Check(p.Women + p.Men == 0 && p.Women >= 0 && p.Men >= 0, $"{field}[{i}]", "must count at least one person");
        }
        return [.. people.Select(p => new StakeholderParticipation { Group = (StakeholderGroup)p.Group, Women = p.Women, Men = p.Men })];
    }

    /// <summary>A required date, not after today (the project's period is the aggregate's rule).</summary>
    public static DateOnly? PastDate(Google.Type.Date? input, string field, DateOnly today, FieldViolations violations)
    {
        var date = input is null ? null : ProtoConvert.ToDateOnly(input);
        if (!violations.Check(date is null, field, "is required and must be a full calendar date")) return null;
        violations.Check(date > today, field, "must not be in the future");
        return date;
    }

    public static bool IsWebLink(string value) =>
        value.Length <= MaxUriLength && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
