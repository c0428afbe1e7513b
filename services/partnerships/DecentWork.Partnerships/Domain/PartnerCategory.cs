namespace DecentWork.Partnerships.Domain;

/// <summary>The kind of organisation a partner is. Numbers match the proto enum.</summary>
public enum PartnerCategory
{
    BilateralGovernment = 1,
    EuropeanUnion = 2,
    UnSystem = 3,
    InternationalFinancialInstitution = 4,
    Foundation = 5,
    PrivateSector = 6,
    SouthSouth = 7,
    NationalConstituent = 8,
}
