using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>A United Nations Development Assistance Framework: one country, one cycle of years.</summary>
public sealed class Undaf : Aggregate
{
    // UNDAFs began in 1997; the upper bound only stops typos such as 20010.
    public const int FirstStartYear = 1997;
    public const int LastStartYear = 2100;
    public const int MaxCycleYears = 10;

    private Undaf() { }

    public string CountryCode { get; private set; } = "";
    public int CycleStartYear { get; private set; }
    public int CycleEndYear { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Country and cycle, e.g. "TZA|2007-2010": unique in the store, so a country has one UNDAF per cycle.</summary>
    public string CountryCycleKey { get; private set; } = "";

    /// <summary>Country, cycle start, cycle end, id: the list order, stored so both stores can page on one key.</summary>
    public string SortKey { get; private set; } = "";

    public static Undaf Register(Country country, int cycleStartYear, int cycleEndYear, DateTimeOffset now)
    {
        if (cycleStartYear is < FirstStartYear or > LastStartYear)
            throw new DomainRuleException($"An UNDAF cycle starts in {FirstStartYear}-{LastStartYear}, not {cycleStartYear}.");
        if (cycleEndYear < cycleStartYear)
            throw new DomainRuleException($"The cycle ends ({cycleEndYear}) before it starts ({cycleStartYear}).");
        if (cycleEndYear > cycleStartYear + MaxCycleYears)
            throw new DomainRuleException($"A cycle lasts at most {MaxCycleYears} years after its start; {cycleStartYear}-{cycleEndYear} is longer.");

        var undaf = new Undaf
        {
            Id = Guid.NewGuid(),
            CountryCode = country.Code,
            CycleStartYear = cycleStartYear,
            CycleEndYear = cycleEndYear,
            RegisteredAt = now,
            CountryCycleKey = KeyFor(country, cycleStartYear, cycleEndYear),
        };
        undaf.SortKey = $"{country.Code}|{cycleStartYear:D4}|{cycleEndYear:D4}|{undaf.Id:N}";
        // No integration event: no other context consumes UNDAFs yet.
        return undaf;
    }

    public static string KeyFor(Country country, int cycleStartYear, int cycleEndYear) =>
        $"{country.Code}|{cycleStartYear:D4}-{cycleEndYear:D4}";
}
