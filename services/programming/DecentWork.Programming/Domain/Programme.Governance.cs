using DecentWork.ServiceDefaults;

namespace DecentWork.Programming.Domain;

/// <summary>Who steers the programme nationally, and the national frameworks it supports.</summary>
public sealed partial class Programme
{
    public SteeringCommittee? SteeringCommittee { get; private set; }
    public List<NationalFrameworkLink> NationalFrameworkLinks { get; private set; } = [];

    /// <summary>Membership changes over the programme's life, so any status but evaluated accepts it.</summary>
    public void SetSteeringCommittee(string name, IReadOnlyList<Participation> members, Change change)
    {
        if (Status is ProgrammeStatus.Evaluated or ProgrammeStatus.Discarded)
            throw new DomainRuleException($"The programme is {ProtoNames.Of(Status)}; its steering committee is a closed record.");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("A steering committee needs a name.");
        EnsureCountsValid(members, "A steering committee");
        SteeringCommittee = new SteeringCommittee { Name = name.Trim(), Members = [.. members] };
        Record(change, "SteeringCommitteeSet", $"{SteeringCommittee.Name}: {Describe(members)}");
    }

    /// <summary>The links are judged by quality assurance (UNDAF and PRSP criterion), so they are content.</summary>
    public NationalFrameworkLink AddNationalFrameworkLink(NationalFrameworkKind kind, string title, string documentUri, Change change)
    {
        EnsureContentCanChange();
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("A national framework is a PRSP, a national development plan or other.");
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaxTitleLength)
            throw new DomainRuleException($"A national framework link needs a title of 1-{MaxTitleLength} characters.");
        var link = new NationalFrameworkLink { Kind = kind, Title = title.Trim(), DocumentUri = documentUri.Trim() };
        NationalFrameworkLinks.Add(link);
        ContentChanged(change, "NationalFrameworkLinked", $"{kind}: {link.Title}");
        return link;
    }

    /// <summary>Each group at most once, no negative counts, and nobody listed with no one in it.</summary>
    internal static void EnsureCountsValid(IReadOnlyList<Participation> people, string what)
    {
        if (people.Count == 0 || people.Any(p => p.Women < 0 || p.Men < 0 || p.Women + p.Men == 0))
            throw new DomainRuleException($"{what} needs, for each group listed, at least one person and no negative counts.");
        if (people.GroupBy(p => p.Group).Any(g => g.Count() > 1))
            throw new DomainRuleException($"{what} lists each constituent group at most once.");
        if (people.Any(p => !Enum.IsDefined(p.Group)))
            throw new DomainRuleException($"{what} lists only government, employers and workers.");
    }

    private static string Describe(IEnumerable<Participation> people) => string.Join(", ", people.Select(p => $"{p.Group} {p.Women}W/{p.Men}M"));
}
