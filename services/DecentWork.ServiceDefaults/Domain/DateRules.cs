namespace DecentWork.ServiceDefaults;

/// <summary>
/// Rules for the dates of things: something that happened (a consultation, a signature, a held
/// edition, an evaluation, a measurement) is not in the future, and a report falls within the
/// period it reports on. "Today" is the service's clock, with a day's grace for callers in time
/// zones ahead of UTC.
/// </summary>
public static class DateRules
{
    public const string InFuture = "DATE_IN_FUTURE";
    public const string OutsidePeriod = "DATE_OUTSIDE_PERIOD";

    public static bool IsInFuture(DateOnly date, DateTimeOffset now) => date > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);

    /// <summary>Throws FAILED_PRECONDITION (DATE_IN_FUTURE) when <paramref name="what"/> is dated after today.</summary>
    public static void EnsureHappened(DateOnly date, DateTimeOffset now, string what)
    {
        if (IsInFuture(date, now))
            throw new DomainRuleException($"{what} cannot be dated in the future ({date:yyyy-MM-dd}).", InFuture,
                new Dictionary<string, string> { ["date"] = $"{date:yyyy-MM-dd}" });
    }

    /// <summary>Throws FAILED_PRECONDITION (DATE_OUTSIDE_PERIOD) when <paramref name="date"/> is outside [start, end].</summary>
    public static void EnsureWithin(DateOnly date, DateOnly start, DateOnly end, string what)
    {
        if (date < start || date > end)
            throw new DomainRuleException($"{what} ({date:yyyy-MM-dd}) is outside the period it reports on, {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.",
                OutsidePeriod, new Dictionary<string, string> { ["date"] = $"{date:yyyy-MM-dd}", ["period_start"] = $"{start:yyyy-MM-dd}", ["period_end"] = $"{end:yyyy-MM-dd}" });
    }
}
