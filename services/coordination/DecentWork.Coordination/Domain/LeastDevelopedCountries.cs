namespace DecentWork.Coordination.Domain;

/// <summary>
/// The UN list of least developed countries built into the service, seeded into the country
/// statuses at start-up for countries that have none yet; later changes (the graduations of
/// Bangladesh, Lao PDR and Nepal scheduled for 24 November 2026 and of Solomon Islands for
/// 13 December 2027, any inclusion) are made by an administrator through SetCountryStatus, with a reason.
///
/// Source: UN DESA / Committee for Development Policy, "List of Least Developed Countries" and the
/// LDC data on graduations, as of December 2024 (44 LDCs after São Tomé and Príncipe graduated on
/// 13 December 2024). The source gives the year of inclusion only, so inclusion is recorded as
/// 1 January of that year (the original list: GA resolution 2768 (XXVI) of 18 November 1971, recorded
/// as 1971-01-01). Graduation days are the days the graduation took effect; Botswana's (December
/// 1994) is recorded as 1994-12-31 because the day is not in the source. Yemen is listed from 1971
/// (both Yemens were on the first list). Bhutan (on the list 1971 to 13 December 2023) is left out:
/// it is not an ILO member State, so the platform has no country code for it.
/// </summary>
public static class LeastDevelopedCountries
{
    public const string AsOf = "2024-12-13";
    public const string SeedReason = "Built-in UN list of least developed countries (UN DESA, as of 13 December 2024).";

    /// <summary>Country, year of inclusion, day of graduation (null: still on the list as of <see cref="AsOf"/>).</summary>
    public static IReadOnlyList<(string Country, int IncludedIn, DateOnly? GraduatedOn)> List { get; } =
    [
        // Africa
        ("AGO", 1994, null), ("BEN", 1971, null), ("BWA", 1971, new DateOnly(1994, 12, 31)), ("BFA", 1971, null),
        ("BDI", 1971, null), ("CPV", 1977, new DateOnly(2007, 12, 20)), ("CAF", 1975, null), ("TCD", 1971, null),
        ("COM", 1977, null), ("COD", 1991, null), ("DJI", 1982, null), ("GNQ", 1982, new DateOnly(2017, 6, 4)),
        ("ERI", 1994, null), ("ETH", 1971, null), ("GMB", 1975, null), ("GIN", 1971, null), ("GNB", 1981, null),
        ("LSO", 1971, null), ("LBR", 1990, null), ("MDG", 1991, null), ("MWI", 1971, null), ("MLI", 1971, null),
        ("MRT", 1986, null), ("MOZ", 1988, null), ("NER", 1971, null), ("RWA", 1971, null),
        ("STP", 1982, new DateOnly(2024, 12, 13)), ("SEN", 2000, null), ("SLE", 1982, null), ("SOM", 1971, null),
        ("SSD", 2012, null), ("SDN", 1971, null), ("TGO", 1982, null), ("UGA", 1971, null), ("TZA", 1971, null),
        ("ZMB", 1991, null),
        // Asia and the Pacific
        ("AFG", 1971, null), ("BGD", 1975, null), ("KHM", 1991, null),
        ("KIR", 1986, null), ("LAO", 1971, null), ("MDV", 1971, new DateOnly(2011, 1, 1)), ("MMR", 1987, null),
        ("NPL", 1971, null), ("WSM", 1971, new DateOnly(2014, 1, 1)), ("SLB", 1991, null), ("TLS", 2003, null),
        ("TUV", 1986, null), ("VUT", 1985, new DateOnly(2020, 12, 4)),
        // Arab States
        ("YEM", 1971, null),
        // Americas
        ("HTI", 1971, null),
    ];

    public static IReadOnlyList<StatusPeriod> PeriodsOf((string Country, int IncludedIn, DateOnly? GraduatedOn) entry) =>
        [new StatusPeriod { From = new DateOnly(entry.IncludedIn, 1, 1), Until = entry.GraduatedOn, Note = "UN list of least developed countries" }];
}
