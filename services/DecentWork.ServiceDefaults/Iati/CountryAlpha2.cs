using System.Collections.Frozen;

namespace DecentWork.ServiceDefaults.Iati;

/// <summary>
/// ISO 3166-1 alpha-2 codes of the platform's countries (which it keeps as alpha-3): IATI's
/// recipient-country uses alpha-2. Generated from Debian's iso-codes table for the countries of
/// <c>Countries</c>; a test checks that every country has one and that it is in the IATI Country codelist.
/// </summary>
public static class CountryAlpha2
{
    private static readonly FrozenDictionary<string, string> _byAlpha3 = new Dictionary<string, string>
    {
        ["DZA"] = "DZ", ["AGO"] = "AO", ["BEN"] = "BJ", ["BWA"] = "BW", ["BFA"] = "BF", ["BDI"] = "BI", ["CPV"] = "CV", ["CMR"] = "CM", ["CAF"] = "CF", ["TCD"] = "TD",
        ["COM"] = "KM", ["COG"] = "CG", ["COD"] = "CD", ["CIV"] = "CI", ["DJI"] = "DJ", ["EGY"] = "EG", ["GNQ"] = "GQ", ["ERI"] = "ER", ["SWZ"] = "SZ", ["ETH"] = "ET",
        ["GAB"] = "GA", ["GMB"] = "GM", ["GHA"] = "GH", ["GIN"] = "GN", ["GNB"] = "GW", ["KEN"] = "KE", ["LSO"] = "LS", ["LBR"] = "LR", ["LBY"] = "LY", ["MDG"] = "MG",
        ["MWI"] = "MW", ["MLI"] = "ML", ["MRT"] = "MR", ["MUS"] = "MU", ["MAR"] = "MA", ["MOZ"] = "MZ", ["NAM"] = "NA", ["NER"] = "NE", ["NGA"] = "NG", ["RWA"] = "RW",
        ["STP"] = "ST", ["SEN"] = "SN", ["SYC"] = "SC", ["SLE"] = "SL", ["SOM"] = "SO", ["ZAF"] = "ZA", ["SSD"] = "SS", ["SDN"] = "SD", ["TZA"] = "TZ", ["TGO"] = "TG",
        ["TUN"] = "TN", ["UGA"] = "UG", ["ZMB"] = "ZM", ["ZWE"] = "ZW", ["ATG"] = "AG", ["ARG"] = "AR", ["BHS"] = "BS", ["BRB"] = "BB", ["BLZ"] = "BZ", ["BOL"] = "BO",
        ["BRA"] = "BR", ["CAN"] = "CA", ["CHL"] = "CL", ["COL"] = "CO", ["CRI"] = "CR", ["CUB"] = "CU", ["DMA"] = "DM", ["DOM"] = "DO", ["ECU"] = "EC", ["SLV"] = "SV",
        ["GRD"] = "GD", ["GTM"] = "GT", ["GUY"] = "GY", ["HTI"] = "HT", ["HND"] = "HN", ["JAM"] = "JM", ["MEX"] = "MX", ["NIC"] = "NI", ["PAN"] = "PA", ["PRY"] = "PY",
        ["PER"] = "PE", ["KNA"] = "KN", ["LCA"] = "LC", ["VCT"] = "VC", ["SUR"] = "SR", ["TTO"] = "TT", ["USA"] = "US", ["URY"] = "UY", ["VEN"] = "VE", ["BHR"] = "BH",
        ["IRQ"] = "IQ", ["JOR"] = "JO", ["KWT"] = "KW", ["LBN"] = "LB", ["OMN"] = "OM", ["QAT"] = "QA", ["SAU"] = "SA", ["SYR"] = "SY", ["ARE"] = "AE", ["YEM"] = "YE",
        ["PSE"] = "PS", ["AFG"] = "AF", ["AUS"] = "AU", ["BGD"] = "BD", ["BRN"] = "BN", ["KHM"] = "KH", ["CHN"] = "CN", ["COK"] = "CK", ["FJI"] = "FJ", ["IND"] = "IN",
        ["IDN"] = "ID", ["IRN"] = "IR", ["JPN"] = "JP", ["KIR"] = "KI", ["KOR"] = "KR", ["LAO"] = "LA", ["MYS"] = "MY", ["MDV"] = "MV", ["MHL"] = "MH", ["MNG"] = "MN",
        ["MMR"] = "MM", ["NPL"] = "NP", ["NZL"] = "NZ", ["PAK"] = "PK", ["PLW"] = "PW", ["PNG"] = "PG", ["PHL"] = "PH", ["WSM"] = "WS", ["SGP"] = "SG", ["SLB"] = "SB",
        ["LKA"] = "LK", ["THA"] = "TH", ["TLS"] = "TL", ["TON"] = "TO", ["TUV"] = "TV", ["VUT"] = "VU", ["VNM"] = "VN", ["ALB"] = "AL", ["ARM"] = "AM", ["AUT"] = "AT",
        ["AZE"] = "AZ", ["BLR"] = "BY", ["BEL"] = "BE", ["BIH"] = "BA", ["BGR"] = "BG", ["HRV"] = "HR", ["CYP"] = "CY", ["CZE"] = "CZ", ["DNK"] = "DK", ["EST"] = "EE",
        ["FIN"] = "FI", ["FRA"] = "FR", ["GEO"] = "GE", ["DEU"] = "DE", ["GRC"] = "GR", ["HUN"] = "HU", ["ISL"] = "IS", ["IRL"] = "IE", ["ISR"] = "IL", ["ITA"] = "IT",
        ["KAZ"] = "KZ", ["KGZ"] = "KG", ["LVA"] = "LV", ["LTU"] = "LT", ["LUX"] = "LU", ["MLT"] = "MT", ["MDA"] = "MD", ["MNE"] = "ME", ["NLD"] = "NL", ["MKD"] = "MK",
        ["NOR"] = "NO", ["POL"] = "PL", ["PRT"] = "PT", ["ROU"] = "RO", ["RUS"] = "RU", ["SMR"] = "SM", ["SRB"] = "RS", ["SVK"] = "SK", ["SVN"] = "SI", ["ESP"] = "ES",
        ["SWE"] = "SE", ["CHE"] = "CH", ["TJK"] = "TJ", ["TUR"] = "TR", ["TKM"] = "TM", ["UKR"] = "UA", ["GBR"] = "GB", ["UZB"] = "UZ",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The alpha-2 code; null for a code that is not one of the platform's countries.</summary>
    public static string? Of(string alpha3) => _byAlpha3.GetValueOrDefault(alpha3);
}
