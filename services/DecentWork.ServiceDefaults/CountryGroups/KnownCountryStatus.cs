using System.Text;
using DecentWork.Contracts.Events.Coordination;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.ServiceDefaults.CountryGroups;

/// <summary>
/// A service's copy of one country's status, from coordination's CountryStatusChanged. Coordination
/// owns the status; this copy is never edited here. Each event carries the whole status, so the
/// copy keeps the newest revision and ignores older ones, whatever order they arrive in.
/// </summary>
public sealed class KnownCountryStatus : Aggregate
{
    private KnownCountryStatus() { }

    public string CountryCode { get; private set; } = "";
    public long Revision { get; private set; }
    public List<DatedPeriod> LeastDeveloped { get; private set; } = [];
    public List<DatedPeriod> Crises { get; private set; } = [];
    public DateTimeOffset ChangedAt { get; private set; }

    public CountryStatusPeriods Periods => new(LeastDeveloped, Crises);

    /// <summary>The country's code as the id (ASCII bytes, zero-padded): one copy per country, found without an index.</summary>
    public static Guid IdOf(string countryCode)
    {
        var bytes = new byte[16];
        Encoding.ASCII.GetBytes(countryCode.ToUpperInvariant(), bytes);
        bytes[15] = 0xC5; // never Guid.Empty, and apart from random ids' variant bits
        return new Guid(bytes);
    }

    public static KnownCountryStatus For(string countryCode) => new() { Id = IdOf(countryCode), CountryCode = countryCode.ToUpperInvariant() };

    /// <summary>Takes the event's status when it is newer than the one held; false (nothing to save) otherwise.</summary>
    public bool Apply(CountryStatusChanged changed)
    {
        if (changed.Revision <= Revision) return false;
        Revision = changed.Revision;
        LeastDeveloped = [.. changed.LeastDeveloped.Select(Copy)];
        Crises = [.. changed.Crises.Select(Copy)];
        ChangedAt = changed.ChangedAt;
        return true;
    }

    private static DatedPeriod Copy(CountryStatusPeriod period) => new() { From = period.From, Until = period.Until };
}
