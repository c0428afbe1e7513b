using DecentWork.Contracts.Events.Partnerships;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Partnerships.Domain;

/// <summary>A funding partner: a donor government, the EU, a UN fund, a foundation, a company...</summary>
public sealed class Partner : Aggregate
{
    public const int MaxNameLength = 200;

    private Partner() { }

    public string Name { get; private set; } = "";

    /// <summary>
    /// The name as the uniqueness rule sees it (trimmed, upper-case invariant). A unique index on it
    /// makes "European Union" and "european union" one partner in both stores, whatever their collation.
    /// </summary>
    public string NormalizedName { get; private set; } = "";

    public PartnerCategory Category { get; private set; }
    public IatiOrganisationType IatiOrganisationType { get; private set; }

    /// <summary>ISO alpha-3 code, or null for partners without a country (the EU, a UN fund).</summary>
    public string? CountryCode { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Normalized name, id: the list order, stored so both stores can page on one key.</summary>
    public string SortKey { get; private set; } = "";

    /// <summary>
    /// Registers the partner and raises PartnerRegistered (training uses partners for fellowships).
    /// Without an IATI type the category's usual one is taken.
    /// </summary>
    public static Partner Register(string name, PartnerCategory category, DateTimeOffset now,
        IatiOrganisationType? iatiType = null, Country? country = null, string? changedBy = null)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
            throw new DomainRuleException($"A partner needs a name of 1-{MaxNameLength} characters.");
        if (!Enum.IsDefined(category))
            throw new DomainRuleException($"'{category}' is not a partner category.");
        if (iatiType is { } type && !Enum.IsDefined(type))
            throw new DomainRuleException($"'{type}' is not an IATI organisation type.");

        var partner = new Partner
        {
            Id = Guid.NewGuid(),
            Name = trimmed,
            NormalizedName = Normalize(trimmed),
            Category = category,
            IatiOrganisationType = iatiType ?? IatiOrganisationTypes.For(category),
            CountryCode = country?.Code,
            RegisteredAt = now,
        };
        partner.SortKey = $"{partner.NormalizedName}|{partner.Id:N}";
        // The category travels as the domain enum's name (e.g. "EuropeanUnion"), as regions do.
        partner.Raise(new PartnerRegistered(partner.Id, partner.Name, category.ToString(), now, changedBy));
        return partner;
    }

    /// <summary>The unique-name key (<see cref="UniqueName"/>): "European Union", "EUROPEAN  UNION" and "Ｅuropean Union" are one partner.</summary>
    public static string Normalize(string name) => UniqueName.Key(name);

    /// <summary>
    /// Gives a partner stored under an older normalisation today's key (and the list order built
    /// on it); <paramref name="taken"/> when another partner already holds that key, in which case
    /// this one keeps a key of its own (suffixed with its id) so the unique index can still be built.
    /// </summary>
    public bool BackfillNameKey(bool taken)
    {
        var key = taken ? $"{Normalize(Name)}|{Id:N}" : Normalize(Name);
        if (key == NormalizedName) return false;
        NormalizedName = key;
        SortKey = $"{key}|{Id:N}";
        return true;
    }
}
