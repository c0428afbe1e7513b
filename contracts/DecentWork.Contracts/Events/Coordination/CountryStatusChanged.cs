namespace DecentWork.Contracts.Events.Coordination;

/// <summary>
/// Days during which a country held a status: <paramref name="From"/> inclusive, <paramref name="Until"/>
/// exclusive (the day it left, e.g. the graduation day); null while it still holds.
/// </summary>
public sealed record CountryStatusPeriod(DateOnly From, DateOnly? Until);

/// <summary>
/// A country's whole least-developed-country and crisis status after a change (or the built-in UN
/// list seeded). Each event replaces the previous one; <paramref name="Revision"/> orders them, so a
/// copy applies only a revision newer than the one it holds, whatever order they arrive in.
/// </summary>
/// <param name="ChangedBy">Who made the change, as their access token names them; "system:seed" for the built-in list.</param>
public sealed record CountryStatusChanged(
    string CountryCode,
    IReadOnlyList<CountryStatusPeriod> LeastDeveloped,
    IReadOnlyList<CountryStatusPeriod> Crises,
    long Revision,
    DateTimeOffset ChangedAt,
    string Reason,
    string? ChangedBy = null);
