using DecentWork.Contracts.Events.Programming;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>
/// This service's own view of a DWCP, built from ProgrammeRegistered. The programming service
/// owns the programme; this copy holds only what coordination needs and is never edited here.
/// </summary>
public sealed class KnownProgramme : Aggregate
{
    private KnownProgramme() { }

    public string CountryCode { get; private set; } = "";
    public IloRegion Region { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Country, period start, id: the order programmes are read in, one key for both stores.</summary>
    public string SortKey { get; private set; } = "";

    /// <summary>Takes the programme's id as its own, so one programme can be known only once.</summary>
    public static KnownProgramme From(ProgrammeRegistered registered)
    {
        if (registered.ProgrammeId == Guid.Empty)
            throw new DomainRuleException("A registered programme must carry its id.");
        // Coverage groups by country, so a code this platform does not know cannot be placed.
        if (!Countries.TryFind(registered.CountryCode, out var country))
            throw new DomainRuleException($"Programme {registered.ProgrammeId} names country '{registered.CountryCode}', which is not known.");

        return new KnownProgramme
        {
            Id = registered.ProgrammeId,
            CountryCode = country.Code,
            // Derived from the reference data like everywhere else, so it cannot disagree with the country.
            Region = country.Region,
            Title = registered.Title,
            PeriodStart = registered.PeriodStart,
            PeriodEnd = registered.PeriodEnd,
            RegisteredAt = registered.RegisteredAt,
            SortKey = $"{country.Code}|{registered.PeriodStart:yyyy-MM-dd}|{registered.ProgrammeId:N}",
        };
    }
}
