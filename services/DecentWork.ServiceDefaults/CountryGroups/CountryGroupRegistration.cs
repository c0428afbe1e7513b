using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Storage;
using Contract = DecentWork.Contracts.Common.V1;

namespace DecentWork.ServiceDefaults.CountryGroups;

public static class CountryGroupRegistration
{
    public const string CollectionName = "known_country_statuses";

    /// <summary>The copy of coordination's country statuses; the service also adds <see cref="CountryStatusChangedConsumer"/> to its bus.</summary>
    public static StorageBuilder AddKnownCountryStatuses(this StorageBuilder storage) =>
        storage.AddAggregate<KnownCountryStatus>(CollectionName, new StoreIndex<KnownCountryStatus>(s => s.CountryCode));

    /// <summary>The request's optional group and day; null when no group is asked for. Violations name the two fields.</summary>
    public static CountryGroupFilter? FilterFrom(Contract.CountryGroup group, Google.Type.Date? on, FieldViolations violations,
        string groupField = "country_group", string onField = "country_group_on")
    {
        var known = violations.Check(!Enum.IsDefined(group), groupField, "is not a known country group");
        var day = on is null ? null : ProtoConvert.ToDateOnly(on);
        violations.Check(on is not null && day is null, onField, "must be a calendar date");
        return known && group != Contract.CountryGroup.Unspecified ? new CountryGroupFilter((CountryGroup)(int)group, day) : null;
    }

    /// <summary>
    /// The filters of a report grouped by country group, one per row in <see cref="CountryGroups.RowOrder"/>,
    /// judged on the request's day (or each row's year). A group filter as well is refused: the rows
    /// already split by group, and a filter would silently empty all but one of them.
    /// </summary>
    public static IReadOnlyList<CountryGroupFilter> GroupsFrom(Contract.CountryGroup group, Google.Type.Date? on, FieldViolations violations,
        string groupField = "country_group", string onField = "country_group_on")
    {
        FilterFrom(Contract.CountryGroup.Unspecified, on, violations, groupField, onField); // checks the day alone
        var day = on is null ? null : ProtoConvert.ToDateOnly(on);
        violations.Check(group != Contract.CountryGroup.Unspecified, groupField, "cannot be combined with grouping by country group: there is a row per group");
        return [.. CountryGroups.RowOrder.Select(g => new CountryGroupFilter(g, day))];
    }
}
