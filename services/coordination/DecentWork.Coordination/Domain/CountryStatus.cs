using DecentWork.Contracts.Events.Coordination;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.CountryGroups;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>One period of a status with its note (the crisis, the resolution). Settable, for the stores' mappers.</summary>
public sealed class StatusPeriod
{
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>One change of a country's status: the revision it made, who, when and why.</summary>
public sealed class CountryStatusChange
{
    public long Revision { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>
/// A country's dated least-developed-country and crisis status, owned here and published whole with
/// every change (CountryStatusChanged, ordered by <see cref="Revision"/>) for the reports of
/// programming and partnerships. Crisis status is set here rather than derived from crisis
/// responses: a country is in crisis before a joint needs assessment starts and usually after an
/// early-recovery programme ends, and ending a response must not end the crisis.
/// </summary>
public sealed class CountryStatus : Aggregate
{
    public const string SeedAuthor = "system:seed";

    private CountryStatus() { }

    public string CountryCode { get; private set; } = "";
    public List<StatusPeriod> LeastDeveloped { get; private set; } = [];
    public List<StatusPeriod> Crises { get; private set; } = [];
    public long Revision { get; private set; }
    public List<CountryStatusChange> Changes { get; private set; } = [];

    /// <summary>A country with nothing recorded yet (revision 0, never saved as such).</summary>
    public static CountryStatus For(Country country) => new() { Id = KnownCountryStatus.IdOf(country.Code), CountryCode = country.Code };

    /// <summary>The built-in UN list's entry for a country, as revision 1.</summary>
    public static CountryStatus Seeded(Country country, IReadOnlyList<StatusPeriod> leastDeveloped, DateTimeOffset now)
    {
        var status = For(country);
        status.Set(leastDeveloped, [], LeastDevelopedCountries.SeedReason, SeedAuthor, now);
        return status;
    }

    /// <summary>
    /// Replaces both lists of periods (each checked by <see cref="CountryStatusRules"/>) and records
    /// why; false (nothing changed, nothing raised) when they are the same as held.
    /// </summary>
    public bool Set(IReadOnlyList<StatusPeriod> leastDeveloped, IReadOnlyList<StatusPeriod> crises, string reason, string changedBy, DateTimeOffset now)
    {
        if (CountryStatusRules.Problem(leastDeveloped, CountryStatusRules.MaxLeastDevelopedPeriods) is { } ldcProblem)
            throw new DomainRuleException($"Least-developed periods: {ldcProblem}");
        if (CountryStatusRules.Problem(crises, CountryStatusRules.MaxCrisisPeriods) is { } crisisProblem)
            throw new DomainRuleException($"Crisis periods: {crisisProblem}");
        if (!CountryStatusRules.IsValidReason(reason))
            throw new DomainRuleException($"A change of country status needs a reason of 1-{CountryStatusRules.MaxReasonLength} characters.");

        var sortedLdc = Sorted(leastDeveloped);
        var sortedCrises = Sorted(crises);
        if (Same(sortedLdc, LeastDeveloped) && Same(sortedCrises, Crises)) return false;
        LeastDeveloped = sortedLdc;
        Crises = sortedCrises;
        Revision++;
        Changes.Add(new CountryStatusChange { Revision = Revision, ChangedAt = now, ChangedBy = changedBy, Reason = reason.Trim() });
        Raise(new CountryStatusChanged(CountryCode, [.. LeastDeveloped.Select(Published)], [.. Crises.Select(Published)],
            Revision, now, reason.Trim(), changedBy));
        return true;
    }

    /// <summary>The periods as the reports judge them (without notes).</summary>
    public CountryStatusPeriods Periods =>
        new([.. LeastDeveloped.Select(p => new DatedPeriod { From = p.From, Until = p.Until })],
            [.. Crises.Select(p => new DatedPeriod { From = p.From, Until = p.Until })]);

    private static List<StatusPeriod> Sorted(IEnumerable<StatusPeriod> periods) =>
        [.. periods.Select(p => new StatusPeriod { From = p.From, Until = p.Until, Note = p.Note.Trim() }).OrderBy(p => p.From)];

    private static bool Same(List<StatusPeriod> a, List<StatusPeriod> b) =>
        a.Count == b.Count && a.Zip(b).All(x => x.First.From == x.Second.From && x.First.Until == x.Second.Until && x.First.Note == x.Second.Note);

    private static CountryStatusPeriod Published(StatusPeriod period) => new(period.From, period.Until);
}

/// <summary>The rules for a list of periods of one status and for the reason of a change.</summary>
public static class CountryStatusRules
{
    // The UN list of least developed countries dates from 1971; the upper bound only stops typos.
    public const int FirstYear = 1971;
    public const int LastYear = 2100;
    public const int MaxNoteLength = 200;
    public const int MaxReasonLength = 500;
    public const int MaxLeastDevelopedPeriods = 10;
    public const int MaxCrisisPeriods = 50;

    public static bool IsValidReason(string? reason) => reason?.Trim() is { Length: >= 1 and <= MaxReasonLength };

    public static bool IsValidDay(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>Null when the periods are valid: days in range, each ending after it starts, at most <paramref name="max"/>, none overlapping.</summary>
    public static string? Problem(IReadOnlyList<StatusPeriod> periods, int max)
    {
        if (periods.Count > max) return $"at most {max}.";
        foreach (var period in periods)
        {
            if (!IsValidDay(period.From) || (period.Until is { } until && !IsValidDay(until)))
                return $"days fall in {FirstYear}-{LastYear}.";
            if (period.Until <= period.From)
                return $"a period ends after it starts ({period.From:yyyy-MM-dd}).";
            if (period.Note.Trim().Length > MaxNoteLength)
                return $"a note has at most {MaxNoteLength} characters.";
        }
        var sorted = periods.OrderBy(p => p.From).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i - 1].Until is not { } until || until > sorted[i].From)
                return $"periods must not overlap ({sorted[i - 1].From:yyyy-MM-dd} and {sorted[i].From:yyyy-MM-dd}).";
        return null;
    }
}
