using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>Women and men of one constituent group over meetings or committees, and in how many of those the group took part.</summary>
public sealed record GroupTotal(ConstituentGroup Group, int Women, int Men, int Gatherings);

/// <summary>
/// Tripartite participation in consultations and steering committees: a pure function of the
/// <see cref="ConsultationParticipationProjection"/> buckets the caller may see.
/// </summary>
public sealed record ConsultationParticipationReport(int ConsultationCount, int ProgrammeCount, int CommitteeCount,
    IReadOnlyList<GroupTotal> Consultations, IReadOnlyList<GroupTotal> CommitteeMembers)
{
    public static ConsultationParticipationReport From(IReadOnlyList<Bucket> buckets)
    {
        int Sum(string figure) => (int)buckets.Sum(b => b[figure]);
        List<GroupTotal> ByGroup(string gathering) => Enum.GetValues<ConstituentGroup>().Select(group => new GroupTotal(group,
            Sum(ConsultationParticipationProjection.Figure(gathering, group, "women")),
            Sum(ConsultationParticipationProjection.Figure(gathering, group, "men")),
            Sum(ConsultationParticipationProjection.Figure(gathering, group, "n")))).ToList();
        return new ConsultationParticipationReport(Sum("consultations"), Sum("programmes"), Sum("committees"),
            ByGroup(ConsultationParticipationProjection.Consultation), ByGroup(ConsultationParticipationProjection.Committee));
    }
}

/// <summary>
/// Per "{country}|{region}": consultations, programmes with at least one, committees, and per
/// group and gathering the women, men and number of entries. Programmes with neither add nothing.
/// </summary>
public sealed class ConsultationParticipationProjection : Projection<Programme>
{
    public const string ProjectionName = "consultation-participation";
    internal const string Consultation = "c";
    internal const string Committee = "m";
    public override string Name => ProjectionName;

    public static string KeyOf(string countryCode, IloRegion region) => BucketKey.Of(countryCode, ((int)region).ToString("D2"));

    internal static string Figure(string gathering, ConstituentGroup group, string what) => $"{gathering}{(int)group}-{what}";

    public override void Contribute(Programme state, Contributions contributions)
    {
        // A discarded draft is left out of reports (no programme was discarded before the status existed, so the version stands).
        if ((state.Consultations.Count == 0 && state.SteeringCommittee is null) || state.Status == ProgrammeStatus.Discarded) return;
        var key = KeyOf(state.CountryCode, state.Region);
        if (state.Consultations.Count > 0)
            contributions.Add(key, "consultations", state.Consultations.Count).Add(key, "programmes", 1);
        foreach (var participation in state.Consultations.SelectMany(c => c.Participants)) Add(contributions, key, Consultation, participation);
        if (state.SteeringCommittee is { } committee)
        {
            contributions.Add(key, "committees", 1);
            foreach (var member in committee.Members) Add(contributions, key, Committee, member);
        }
    }

    private static void Add(Contributions contributions, string key, string gathering, Participation participation) =>
        contributions.Add(key, Figure(gathering, participation.Group, "women"), participation.Women)
            .Add(key, Figure(gathering, participation.Group, "men"), participation.Men)
            .Add(key, Figure(gathering, participation.Group, "n"), 1);
}
