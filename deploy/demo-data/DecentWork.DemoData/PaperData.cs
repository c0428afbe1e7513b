namespace DecentWork.DemoData;

/// <summary>
/// Demo records drawn from the source paper (GB.303/TC/1, October 2008). Countries, partners,
/// the EU's 2007 total (US$65.8 million) and the TC Manual course come from the paper; programme
/// periods, UNDAF cycles and how the EU total splits across programmes are illustrative, since
/// the paper does not give them.
/// </summary>
public static class PaperData
{
    public sealed record FundingSeed(string Partner, string Country, decimal AmountUsd, int Year);

    public static readonly (string Name, DecentWork.Contracts.Partnerships.V1.PartnerCategory Category)[] Partners =
    [
        ("European Union", DecentWork.Contracts.Partnerships.V1.PartnerCategory.EuropeanUnion),
        ("United States", DecentWork.Contracts.Partnerships.V1.PartnerCategory.BilateralGovernment),
        ("Government of Brazil", DecentWork.Contracts.Partnerships.V1.PartnerCategory.SouthSouth),
        ("Bill & Melinda Gates Foundation", DecentWork.Contracts.Partnerships.V1.PartnerCategory.Foundation),
    ];

    /// <summary>The EU's 2007 approvals add up to the paper's US$65.8 million.</summary>
    public static readonly FundingSeed[] Funding =
    [
        new("European Union", "TZA", 24_300_000m, 2007),
        new("European Union", "ZMB", 21_500_000m, 2007),
        new("European Union", "ALB", 20_000_000m, 2007),
        new("United States", "JOR", 4_750_000m, 2007),
        new("Government of Brazil", "MOZ", 1_200_000m, 2008),
    ];

    /// <summary>"175 officials trained on the TC Manual course."</summary>
    public static readonly (string Code, string Title, string[] SupportsCountries)[] Courses =
    [
        ("TCMANUAL", "Technical cooperation manual: project design and management for DWCPs", ["TZA", "ZMB"]),
        ("DWCP-RBM", "Results-based management for Decent Work Country Programmes", ["VNM"]),
    ];
}
