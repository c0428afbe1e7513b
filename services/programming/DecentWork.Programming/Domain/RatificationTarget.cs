using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Programming.Domain;

/// <summary>
/// A country targeted for ratification of an ILO Convention, the TC that supports it, and the
/// ratification when it happens. One aggregate per convention and country (unique
/// <see cref="TargetKey"/>): a campaign covers many countries, and each ratifies on its own day.
/// The project and partner are kept as partnerships names them, without a lookup, as project
/// results are (partnerships is their system of record).
/// </summary>
public sealed class RatificationTarget : Aggregate
{
    /// <summary>No. 192 (biological hazards, 2025) is the latest Convention the Conference adopted.</summary>
    public const int MaxConventionNumber = 192;
    public const int MaxCampaignLength = 300;
    public const int MaxPartnerNameLength = 200;
    public const int MaxProjectCodeLength = 50;

    private RatificationTarget() { }

    public int ConventionNumber { get; private set; }
    public string CountryCode { get; private set; } = "";
    public IloRegion Region { get; private set; }
    public string Campaign { get; private set; } = "";
    public Guid? SupportingProjectId { get; private set; }
    public string SupportingProjectCode { get; private set; } = "";
    public Guid? PartnerId { get; private set; }
    public string PartnerName { get; private set; } = "";
    public DateOnly TargetedOn { get; private set; }
    public DateOnly? RatifiedOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    /// <summary>"C144|SEN": one target per convention and country (unique index).</summary>
    public string TargetKey { get; private set; } = "";
    /// <summary>Convention, country: the list order (the target key is unique, so it pages too).</summary>
    public string SortKey { get; private set; } = "";

    public bool IsRatified => RatifiedOn is not null;

    public static string KeyOf(int conventionNumber, string countryCode) => $"C{conventionNumber:D3}|{countryCode}";

    public static RatificationTarget Target(int conventionNumber, Country country, string campaign, Guid? projectId, string projectCode,
        Guid? partnerId, string partnerName, DateOnly targetedOn, Change change)
    {
        if (conventionNumber is < 1 or > MaxConventionNumber)
            throw new DomainRuleException($"A Convention is numbered 1-{MaxConventionNumber}; got {conventionNumber}.");
        if (projectId is null && string.IsNullOrWhiteSpace(projectCode))
            throw new DomainRuleException("A ratification target names the TC project that supports it, by id or code.");
        if (campaign.Trim().Length > MaxCampaignLength || partnerName.Trim().Length > MaxPartnerNameLength || projectCode.Trim().Length > MaxProjectCodeLength)
            throw new DomainRuleException($"Campaign, partner name and project code are at most {MaxCampaignLength}, {MaxPartnerNameLength} and {MaxProjectCodeLength} characters.");
        DateRules.EnsureHappened(targetedOn, change.At, "A ratification target");
        var key = KeyOf(conventionNumber, country.Code);
        return new RatificationTarget
        {
            Id = Guid.NewGuid(), ConventionNumber = conventionNumber, CountryCode = country.Code, Region = country.Region,
            Campaign = campaign.Trim(), SupportingProjectId = projectId, SupportingProjectCode = projectCode.Trim().ToUpperInvariant(),
            PartnerId = partnerId, PartnerName = partnerName.Trim(), TargetedOn = targetedOn, RecordedBy = change.By,
            TargetKey = key, SortKey = key,
        };
    }

    /// <summary>Ratification is a single registered act: recorded once, on or after the day the country was targeted.</summary>
    public void RecordRatification(DateOnly ratifiedOn, Change change)
    {
        if (RatifiedOn is { } already)
            throw new DomainRuleException($"{CountryCode} already ratified Convention No. {ConventionNumber} on {already:yyyy-MM-dd}.");
        DateRules.EnsureHappened(ratifiedOn, change.At, "A ratification");
        if (ratifiedOn < TargetedOn)
            throw new DomainRuleException($"The ratification ({ratifiedOn:yyyy-MM-dd}) cannot come before the country was targeted ({TargetedOn:yyyy-MM-dd}).");
        RatifiedOn = ratifiedOn;
    }
}
