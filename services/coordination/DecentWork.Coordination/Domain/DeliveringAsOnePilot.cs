using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

public enum OrganisationRole
{
    Chair = 1,
    CoChair = 2,
    Lead = 3,
    Member = 4,
}

/// <summary>A thematic working group; settable so both stores can map it.</summary>
public sealed class WorkingGroup
{
    public string Name { get; set; } = "";
    public List<string> Agencies { get; set; } = [];
    public OrganisationRole OrganisationRole { get; set; }
}

/// <summary>A Delivering-as-One pilot country and the thematic working groups the organisation sits in.</summary>
public sealed class DeliveringAsOnePilot : Aggregate
{
    // Delivering as One began with the 2006 High-level Panel; the upper bound only stops typos.
    public const int FirstYear = 2006;
    public const int LastYear = 2100;
    public const int MaxGroupNameLength = 200;
    public const int MaxAgencies = 40;

    private DeliveringAsOnePilot() { }

    /// <summary>Unique in the store: a country is a pilot once.</summary>
    public string CountryCode { get; private set; } = "";
    public int PilotSinceYear { get; private set; }
    public List<WorkingGroup> WorkingGroups { get; private set; } = [];
    public DateTimeOffset RegisteredAt { get; private set; }

    public static DeliveringAsOnePilot Register(Country country, int pilotSinceYear, DateTimeOffset now)
    {
        if (pilotSinceYear is < FirstYear or > LastYear)
            throw new DomainRuleException($"A pilot starts in {FirstYear}-{LastYear}, not {pilotSinceYear}.");
        return new DeliveringAsOnePilot { Id = Guid.NewGuid(), CountryCode = country.Code, PilotSinceYear = pilotSinceYear, RegisteredAt = now };
    }

    public static bool IsValidGroupName(string? name) => name?.Trim() is { Length: >= 1 and <= MaxGroupNameLength };

    /// <summary>Adds the group, or replaces the one with the same name (ignoring case) in place.</summary>
    public void SetWorkingGroup(string name, IReadOnlyList<string> agencies, OrganisationRole role)
    {
        if (!IsValidGroupName(name))
            throw new DomainRuleException($"A working group needs a name of 1-{MaxGroupNameLength} characters.");
        if (!Enum.IsDefined(role))
            throw new DomainRuleException($"'{role}' is not a role of the organisation.");
        if (agencies.Count > MaxAgencies || agencies.Any(a => !JointProgrammeRules.IsValidAgency(a)))
            throw new DomainRuleException($"A working group lists at most {MaxAgencies} agencies by acronym.");
        var names = agencies.Select(JointProgrammeRules.NormaliseAgency).Distinct().ToList();
        var group = WorkingGroups.Find(g => string.Equals(g.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (group is null) WorkingGroups.Add(group = new WorkingGroup());
        group.Name = name.Trim();
        group.Agencies = names;
        group.OrganisationRole = role;
    }
}
