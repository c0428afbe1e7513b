namespace DecentWork.Partnerships.Domain;

/// <summary>The IATI OrganisationType codelist (2.03); the numbers are the IATI codes and the proto enum's.</summary>
public enum IatiOrganisationType
{
    Government = 10,
    LocalGovernment = 11,
    OtherPublicSector = 15,
    InternationalNgo = 21,
    NationalNgo = 22,
    RegionalNgo = 23,
    PublicPrivatePartnership = 30,
    Multilateral = 40,
    Foundation = 60,
    PrivateSector = 70,
    AcademicTrainingResearch = 80,
    Other = 90,
}

public static class IatiOrganisationTypes
{
    /// <summary>
    /// The usual IATI type of a category, used when the caller gives none. National constituents
    /// map to government: IATI has no code for employers' or workers' organisations, and a caller
    /// funding through one of them can say "other" explicitly.
    /// </summary>
    public static IatiOrganisationType For(PartnerCategory category) => category switch
    {
        PartnerCategory.BilateralGovernment or PartnerCategory.SouthSouth or PartnerCategory.NationalConstituent
            => IatiOrganisationType.Government,
        PartnerCategory.EuropeanUnion or PartnerCategory.UnSystem or PartnerCategory.InternationalFinancialInstitution
            => IatiOrganisationType.Multilateral,
        PartnerCategory.Foundation => IatiOrganisationType.Foundation,
        PartnerCategory.PrivateSector => IatiOrganisationType.PrivateSector,
        _ => IatiOrganisationType.Other,
    };
}
