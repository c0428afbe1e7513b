using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace DecentWork.ServiceDefaults.Reference;

/// <summary>The ILO's five regions; every member State belongs to exactly one.</summary>
public enum IloRegion
{
    Africa = 1,
    Americas = 2,
    ArabStates = 3,
    AsiaPacific = 4,
    EuropeCentralAsia = 5,
}

/// <summary>One country: ISO 3166-1 alpha-3 code, English short name, ILO region.</summary>
public sealed record Country(string Code, string Name, IloRegion Region);

/// <summary>
/// The countries the platform knows: the 187 ILO member States (2024) plus the Occupied
/// Palestinian Territory, each with its ISO 3166-1 alpha-3 code and ILO region. Programmes,
/// UNDAFs and participants name a country by code; the region is always derived from here,
/// never typed in, so reports by region cannot disagree with the country.
/// </summary>
public static class Countries
{
    private static readonly Country[] _all =
    [
        // Africa (54), including North Africa.
        new("DZA", "Algeria", IloRegion.Africa),
        new("AGO", "Angola", IloRegion.Africa),
        new("BEN", "Benin", IloRegion.Africa),
        new("BWA", "Botswana", IloRegion.Africa),
        new("BFA", "Burkina Faso", IloRegion.Africa),
        new("BDI", "Burundi", IloRegion.Africa),
        new("CPV", "Cabo Verde", IloRegion.Africa),
        new("CMR", "Cameroon", IloRegion.Africa),
        new("CAF", "Central African Republic", IloRegion.Africa),
        new("TCD", "Chad", IloRegion.Africa),
        new("COM", "Comoros", IloRegion.Africa),
        new("COG", "Congo", IloRegion.Africa),
        new("COD", "Democratic Republic of the Congo", IloRegion.Africa),
        new("CIV", "Côte d'Ivoire", IloRegion.Africa),
        new("DJI", "Djibouti", IloRegion.Africa),
        new("EGY", "Egypt", IloRegion.Africa),
        new("GNQ", "Equatorial Guinea", IloRegion.Africa),
        new("ERI", "Eritrea", IloRegion.Africa),
        new("SWZ", "Eswatini", IloRegion.Africa),
        new("ETH", "Ethiopia", IloRegion.Africa),
        new("GAB", "Gabon", IloRegion.Africa),
        new("GMB", "Gambia", IloRegion.Africa),
        new("GHA", "Ghana", IloRegion.Africa),
        new("GIN", "Guinea", IloRegion.Africa),
        new("GNB", "Guinea-Bissau", IloRegion.Africa),
        new("KEN", "Kenya", IloRegion.Africa),
        new("LSO", "Lesotho", IloRegion.Africa),
        new("LBR", "Liberia", IloRegion.Africa),
        new("LBY", "Libya", IloRegion.Africa),
        new("MDG", "Madagascar", IloRegion.Africa),
        new("MWI", "Malawi", IloRegion.Africa),
        new("MLI", "Mali", IloRegion.Africa),
        new("MRT", "Mauritania", IloRegion.Africa),
        new("MUS", "Mauritius", IloRegion.Africa),
        new("MAR", "Morocco", IloRegion.Africa),
        new("MOZ", "Mozambique", IloRegion.Africa),
        new("NAM", "Namibia", IloRegion.Africa),
        new("NER", "Niger", IloRegion.Africa),
        new("NGA", "Nigeria", IloRegion.Africa),
        new("RWA", "Rwanda", IloRegion.Africa),
        new("STP", "Sao Tome and Principe", IloRegion.Africa),
        new("SEN", "Senegal", IloRegion.Africa),
        new("SYC", "Seychelles", IloRegion.Africa),
        new("SLE", "Sierra Leone", IloRegion.Africa),
        new("SOM", "Somalia", IloRegion.Africa),
        new("ZAF", "South Africa", IloRegion.Africa),
        new("SSD", "South Sudan", IloRegion.Africa),
        new("SDN", "Sudan", IloRegion.Africa),
        new("TZA", "United Republic of Tanzania", IloRegion.Africa),
        new("TGO", "Togo", IloRegion.Africa),
        new("TUN", "Tunisia", IloRegion.Africa),
        new("UGA", "Uganda", IloRegion.Africa),
        new("ZMB", "Zambia", IloRegion.Africa),
        new("ZWE", "Zimbabwe", IloRegion.Africa),

        // Americas (35), including the Caribbean.
        new("ATG", "Antigua and Barbuda", IloRegion.Americas),
        new("ARG", "Argentina", IloRegion.Americas),
        new("BHS", "Bahamas", IloRegion.Americas),
        new("BRB", "Barbados", IloRegion.Americas),
        new("BLZ", "Belize", IloRegion.Americas),
        new("BOL", "Bolivia (Plurinational State of)", IloRegion.Americas),
        new("BRA", "Brazil", IloRegion.Americas),
        new("CAN", "Canada", IloRegion.Americas),
        new("CHL", "Chile", IloRegion.Americas),
        new("COL", "Colombia", IloRegion.Americas),
        new("CRI", "Costa Rica", IloRegion.Americas),
        new("CUB", "Cuba", IloRegion.Americas),
        new("DMA", "Dominica", IloRegion.Americas),
        new("DOM", "Dominican Republic", IloRegion.Americas),
        new("ECU", "Ecuador", IloRegion.Americas),
        new("SLV", "El Salvador", IloRegion.Americas),
        new("GRD", "Grenada", IloRegion.Americas),
        new("GTM", "Guatemala", IloRegion.Americas),
        new("GUY", "Guyana", IloRegion.Americas),
        new("HTI", "Haiti", IloRegion.Americas),
        new("HND", "Honduras", IloRegion.Americas),
        new("JAM", "Jamaica", IloRegion.Americas),
        new("MEX", "Mexico", IloRegion.Americas),
        new("NIC", "Nicaragua", IloRegion.Americas),
        new("PAN", "Panama", IloRegion.Americas),
        new("PRY", "Paraguay", IloRegion.Americas),
        new("PER", "Peru", IloRegion.Americas),
        new("KNA", "Saint Kitts and Nevis", IloRegion.Americas),
        new("LCA", "Saint Lucia", IloRegion.Americas),
        new("VCT", "Saint Vincent and the Grenadines", IloRegion.Americas),
        new("SUR", "Suriname", IloRegion.Americas),
        new("TTO", "Trinidad and Tobago", IloRegion.Americas),
        new("USA", "United States of America", IloRegion.Americas),
        new("URY", "Uruguay", IloRegion.Americas),
        new("VEN", "Venezuela (Bolivarian Republic of)", IloRegion.Americas),

        // Arab States (11 member States, plus the Occupied Palestinian Territory).
        new("BHR", "Bahrain", IloRegion.ArabStates),
        new("IRQ", "Iraq", IloRegion.ArabStates),
        new("JOR", "Jordan", IloRegion.ArabStates),
        new("KWT", "Kuwait", IloRegion.ArabStates),
        new("LBN", "Lebanon", IloRegion.ArabStates),
        new("OMN", "Oman", IloRegion.ArabStates),
        new("QAT", "Qatar", IloRegion.ArabStates),
        new("SAU", "Saudi Arabia", IloRegion.ArabStates),
        new("SYR", "Syrian Arab Republic", IloRegion.ArabStates),
        new("ARE", "United Arab Emirates", IloRegion.ArabStates),
        new("YEM", "Yemen", IloRegion.ArabStates),
        new("PSE", "Occupied Palestinian Territory", IloRegion.ArabStates),

        // Asia and the Pacific (36), including Afghanistan, Iran and the Pacific island States.
        new("AFG", "Afghanistan", IloRegion.AsiaPacific),
        new("AUS", "Australia", IloRegion.AsiaPacific),
        new("BGD", "Bangladesh", IloRegion.AsiaPacific),
        new("BRN", "Brunei Darussalam", IloRegion.AsiaPacific),
        new("KHM", "Cambodia", IloRegion.AsiaPacific),
        new("CHN", "China", IloRegion.AsiaPacific),
        new("COK", "Cook Islands", IloRegion.AsiaPacific),
        new("FJI", "Fiji", IloRegion.AsiaPacific),
        new("IND", "India", IloRegion.AsiaPacific),
        new("IDN", "Indonesia", IloRegion.AsiaPacific),
        new("IRN", "Iran (Islamic Republic of)", IloRegion.AsiaPacific),
        new("JPN", "Japan", IloRegion.AsiaPacific),
        new("KIR", "Kiribati", IloRegion.AsiaPacific),
        new("KOR", "Republic of Korea", IloRegion.AsiaPacific),
        new("LAO", "Lao People's Democratic Republic", IloRegion.AsiaPacific),
        new("MYS", "Malaysia", IloRegion.AsiaPacific),
        new("MDV", "Maldives", IloRegion.AsiaPacific),
        new("MHL", "Marshall Islands", IloRegion.AsiaPacific),
        new("MNG", "Mongolia", IloRegion.AsiaPacific),
        new("MMR", "Myanmar", IloRegion.AsiaPacific),
        new("NPL", "Nepal", IloRegion.AsiaPacific),
        new("NZL", "New Zealand", IloRegion.AsiaPacific),
        new("PAK", "Pakistan", IloRegion.AsiaPacific),
        new("PLW", "Palau", IloRegion.AsiaPacific),
        new("PNG", "Papua New Guinea", IloRegion.AsiaPacific),
        new("PHL", "Philippines", IloRegion.AsiaPacific),
        new("WSM", "Samoa", IloRegion.AsiaPacific),
        new("SGP", "Singapore", IloRegion.AsiaPacific),
        new("SLB", "Solomon Islands", IloRegion.AsiaPacific),
        new("LKA", "Sri Lanka", IloRegion.AsiaPacific),
        new("THA", "Thailand", IloRegion.AsiaPacific),
        new("TLS", "Timor-Leste", IloRegion.AsiaPacific),
        new("TON", "Tonga", IloRegion.AsiaPacific),
        new("TUV", "Tuvalu", IloRegion.AsiaPacific),
        new("VUT", "Vanuatu", IloRegion.AsiaPacific),
        new("VNM", "Viet Nam", IloRegion.AsiaPacific),

        // Europe and Central Asia (51), including Israel, Türkiye, the Caucasus and Central Asia.
        new("ALB", "Albania", IloRegion.EuropeCentralAsia),
        new("ARM", "Armenia", IloRegion.EuropeCentralAsia),
        new("AUT", "Austria", IloRegion.EuropeCentralAsia),
        new("AZE", "Azerbaijan", IloRegion.EuropeCentralAsia),
        new("BLR", "Belarus", IloRegion.EuropeCentralAsia),
        new("BEL", "Belgium", IloRegion.EuropeCentralAsia),
        new("BIH", "Bosnia and Herzegovina", IloRegion.EuropeCentralAsia),
        new("BGR", "Bulgaria", IloRegion.EuropeCentralAsia),
        new("HRV", "Croatia", IloRegion.EuropeCentralAsia),
        new("CYP", "Cyprus", IloRegion.EuropeCentralAsia),
        new("CZE", "Czechia", IloRegion.EuropeCentralAsia),
        new("DNK", "Denmark", IloRegion.EuropeCentralAsia),
        new("EST", "Estonia", IloRegion.EuropeCentralAsia),
        new("FIN", "Finland", IloRegion.EuropeCentralAsia),
        new("FRA", "France", IloRegion.EuropeCentralAsia),
        new("GEO", "Georgia", IloRegion.EuropeCentralAsia),
        new("DEU", "Germany", IloRegion.EuropeCentralAsia),
        new("GRC", "Greece", IloRegion.EuropeCentralAsia),
        new("HUN", "Hungary", IloRegion.EuropeCentralAsia),
        new("ISL", "Iceland", IloRegion.EuropeCentralAsia),
        new("IRL", "Ireland", IloRegion.EuropeCentralAsia),
        new("ISR", "Israel", IloRegion.EuropeCentralAsia),
        new("ITA", "Italy", IloRegion.EuropeCentralAsia),
        new("KAZ", "Kazakhstan", IloRegion.EuropeCentralAsia),
        new("KGZ", "Kyrgyzstan", IloRegion.EuropeCentralAsia),
        new("LVA", "Latvia", IloRegion.EuropeCentralAsia),
        new("LTU", "Lithuania", IloRegion.EuropeCentralAsia),
        new("LUX", "Luxembourg", IloRegion.EuropeCentralAsia),
        new("MLT", "Malta", IloRegion.EuropeCentralAsia),
        new("MDA", "Republic of Moldova", IloRegion.EuropeCentralAsia),
        new("MNE", "Montenegro", IloRegion.EuropeCentralAsia),
        new("NLD", "Netherlands", IloRegion.EuropeCentralAsia),
        new("MKD", "North Macedonia", IloRegion.EuropeCentralAsia),
        new("NOR", "Norway", IloRegion.EuropeCentralAsia),
        new("POL", "Poland", IloRegion.EuropeCentralAsia),
        new("PRT", "Portugal", IloRegion.EuropeCentralAsia),
        new("ROU", "Romania", IloRegion.EuropeCentralAsia),
        new("RUS", "Russian Federation", IloRegion.EuropeCentralAsia),
        new("SMR", "San Marino", IloRegion.EuropeCentralAsia),
        new("SRB", "Serbia", IloRegion.EuropeCentralAsia),
        new("SVK", "Slovakia", IloRegion.EuropeCentralAsia),
        new("SVN", "Slovenia", IloRegion.EuropeCentralAsia),
        new("ESP", "Spain", IloRegion.EuropeCentralAsia),
        new("SWE", "Sweden", IloRegion.EuropeCentralAsia),
        new("CHE", "Switzerland", IloRegion.EuropeCentralAsia),
        new("TJK", "Tajikistan", IloRegion.EuropeCentralAsia),
        new("TUR", "Türkiye", IloRegion.EuropeCentralAsia),
        new("TKM", "Turkmenistan", IloRegion.EuropeCentralAsia),
        new("UKR", "Ukraine", IloRegion.EuropeCentralAsia),
        new("GBR", "United Kingdom of Great Britain and Northern Ireland", IloRegion.EuropeCentralAsia),
        new("UZB", "Uzbekistan", IloRegion.EuropeCentralAsia),
    ];

    /// <summary>Every country, by code (ordinal, upper-case keys).</summary>
    public static IReadOnlyDictionary<string, Country> ByCode { get; } = Index(_all);

    /// <summary>Looks up a code case-insensitively after trimming; false for null/unknown.</summary>
    public static bool TryFind(string? code, [NotNullWhen(true)] out Country? country)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            country = null;
            return false;
        }

        return ByCode.TryGetValue(code.Trim().ToUpperInvariant(), out country);
    }

    // Fails type initialisation on a malformed or duplicated code, so a bad edit cannot ship quietly.
    private static FrozenDictionary<string, Country> Index(Country[] countries)
    {
        var byCode = new Dictionary<string, Country>(countries.Length, StringComparer.Ordinal);
        foreach (var country in countries)
        {
            if (country.Code.Length != 3 || !country.Code.All(char.IsAsciiLetterUpper))
            {
                throw new InvalidOperationException(
                    $"Country code '{country.Code}' is not an upper-case ISO 3166-1 alpha-3 code.");
            }

            if (!byCode.TryAdd(country.Code, country))
            {
                throw new InvalidOperationException($"Country code '{country.Code}' is listed twice.");
            }
        }

        return byCode.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
