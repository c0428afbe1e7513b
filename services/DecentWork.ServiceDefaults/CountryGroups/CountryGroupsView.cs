using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.CountryGroups;

/// <summary>
/// The country statuses a report applies at read time over its per-country buckets: one read of at
/// most one record per country (about 190), whatever the number of programmes or approvals. A
/// country's status changing therefore moves nothing in the stored projections, and a report
/// always uses the status as it is known now, for the day or year it asks about.
/// </summary>
public sealed class CountryGroupsView(IReadOnlyDictionary<string, CountryStatusPeriods> byCountry)
{
    public static async Task<CountryGroupsView> LoadAsync(IAggregateStore<KnownCountryStatus> statuses, CancellationToken cancellationToken)
    {
        var all = await statuses.ReadAllAsync(_ => true, new SortOrder<KnownCountryStatus>(s => s.CountryCode), cancellationToken);
        return new CountryGroupsView(all.ToDictionary(s => s.CountryCode, s => s.Periods, StringComparer.Ordinal));
    }

    public CountryStatusPeriods Of(string countryCode) => byCountry.GetValueOrDefault(countryCode) ?? CountryStatusPeriods.None;
}

/// <summary>A report's country-group filter: the group, and the day it is judged on (null: the year of each row, or today).</summary>
public sealed record CountryGroupFilter(CountryGroup Group, DateOnly? On)
{
    /// <summary>Whether a country is in the group on the filter's day, or else during <paramref name="year"/> (0: on <paramref name="today"/>).</summary>
    public bool Admits(CountryGroupsView view, string countryCode, int year, DateOnly today)
    {
        var periods = view.Of(countryCode);
        if (On is { } on) return periods.IsIn(Group, on);
        return year > 0 ? periods.IsInDuring(Group, year) : periods.IsIn(Group, today);
    }

    /// <summary>
    /// This filter over the statuses as stored now (one read of at most one record per country), as a
    /// test of a country in a year (0: on <paramref name="today"/>) for a report to apply to its rows.
    /// </summary>
    public async Task<Func<string, int, bool>> AdmitterAsync(IAggregateStore<KnownCountryStatus> statuses, DateOnly today,
        CancellationToken cancellationToken)
    {
        var view = await CountryGroupsView.LoadAsync(statuses, cancellationToken);
        return Admitter(view, today);
    }

    /// <summary>This filter over statuses already read (coordination reads its own), as the same test of a country in a year.</summary>
    public Func<string, int, bool> Admitter(CountryGroupsView view, DateOnly today) => (countryCode, year) => Admits(view, countryCode, year, today);
}
