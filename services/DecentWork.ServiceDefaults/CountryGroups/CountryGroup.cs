namespace DecentWork.ServiceDefaults.CountryGroups;

/// <summary>The groups reports filter by ("the least developed countries and countries in crisis").</summary>
public enum CountryGroup
{
    LeastDeveloped = 1,
    InCrisis = 2,
    LeastDevelopedOrInCrisis = 3,
    Neither = 4,
}

/// <summary>The groups as a report grouped by country group lists them, and their names for people.</summary>
public static class CountryGroups
{
    /// <summary>
    /// The three plain groups, then their union: rows overlap (a least developed country in crisis
    /// is in three), and <see cref="CountryGroup.Neither"/> with <see cref="CountryGroup.LeastDevelopedOrInCrisis"/> covers every country once.
    /// </summary>
    public static readonly IReadOnlyList<CountryGroup> RowOrder =
        [CountryGroup.LeastDeveloped, CountryGroup.InCrisis, CountryGroup.Neither, CountryGroup.LeastDevelopedOrInCrisis];

    public static string Label(this CountryGroup group) => group switch
    {
        CountryGroup.LeastDeveloped => "Least developed countries",
        CountryGroup.InCrisis => "Countries in crisis",
        CountryGroup.Neither => "Neither least developed nor in crisis",
        CountryGroup.LeastDevelopedOrInCrisis => "Least developed or in crisis",
        _ => "Allocated to no country",
    };
}

/// <summary>
/// Days a country held a status: <see cref="From"/> inclusive, <see cref="Until"/> exclusive (the
/// day it left, e.g. a graduation day), null while it still holds. Settable, for the stores' mappers.
/// </summary>
public sealed class DatedPeriod
{
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }

    public bool Covers(DateOnly day) => From <= day && (Until is not { } until || day < until);

    /// <summary>Held on at least one day of the year.</summary>
    public bool TouchesYear(int year) => From.Year <= year && (Until is not { } until || until > new DateOnly(year, 1, 1));
}

/// <summary>A country's two dated statuses, and which groups they put it in.</summary>
public sealed record CountryStatusPeriods(IReadOnlyList<DatedPeriod> LeastDeveloped, IReadOnlyList<DatedPeriod> Crises)
{
    public static readonly CountryStatusPeriods None = new([], []);

    public bool IsIn(CountryGroup group, DateOnly day) =>
        Membership(group, LeastDeveloped.Any(p => p.Covers(day)), Crises.Any(p => p.Covers(day)));

    /// <summary>In the group on at least one day of the year: a 2007 report uses the 2007 list (Cabo Verde, graduated 20 December 2007, counts).</summary>
    public bool IsInDuring(CountryGroup group, int year) =>
        Membership(group, LeastDeveloped.Any(p => p.TouchesYear(year)), Crises.Any(p => p.TouchesYear(year)));

    private static bool Membership(CountryGroup group, bool leastDeveloped, bool inCrisis) => group switch
    {
        CountryGroup.LeastDeveloped => leastDeveloped,
        CountryGroup.InCrisis => inCrisis,
        CountryGroup.LeastDevelopedOrInCrisis => leastDeveloped || inCrisis,
        CountryGroup.Neither => !leastDeveloped && !inCrisis,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Not a country group."),
    };
}
