using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>Whether the organisation is a resident agency of the UN country team.</summary>
public enum AgencyPresence
{
    Resident = 1,
    NonResident = 2,
}

/// <summary>
/// The organisation's presence in one country and the UN Resident Coordinator. One per country
/// (a unique index on the code); the coverage reports read it to put non-resident countries first.
/// </summary>
public sealed class CountryPresence : Aggregate
{
    public const int MaxNameLength = 200;

    private CountryPresence() { }

    public string CountryCode { get; private set; } = "";
    public AgencyPresence Presence { get; private set; }
    /// <summary>The office a non-resident country is covered from; empty for a resident one.</summary>
    public string CoveringOffice { get; private set; } = "";
    public string ResidentCoordinator { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static CountryPresence For(Country country) => new() { Id = Guid.NewGuid(), CountryCode = country.Code };

    public static bool IsValidName(string? name, bool required) =>
        name?.Trim() is { } trimmed && trimmed.Length <= MaxNameLength && (!required || trimmed.Length > 0);

    /// <summary>Replaces the presence; a non-resident country must name the office that covers it.</summary>
    public void Set(AgencyPresence presence, string coveringOffice, string residentCoordinator, DateTimeOffset now)
    {
        if (!Enum.IsDefined(presence))
            throw new DomainRuleException($"'{presence}' is not a kind of presence.");
        coveringOffice = coveringOffice.Trim();
        if (presence == AgencyPresence.NonResident && !IsValidName(coveringOffice, required: true))
            throw new DomainRuleException($"A non-resident country must name the office that covers it, in at most {MaxNameLength} characters.");
        if (presence == AgencyPresence.Resident && coveringOffice.Length > 0)
            throw new DomainRuleException("A resident agency is not covered from another office.");
        if (!IsValidName(residentCoordinator, required: false))
            throw new DomainRuleException($"The Resident Coordinator's name has at most {MaxNameLength} characters.");

        Presence = presence;
        CoveringOffice = coveringOffice;
        ResidentCoordinator = residentCoordinator.Trim();
        UpdatedAt = now;
    }
}
