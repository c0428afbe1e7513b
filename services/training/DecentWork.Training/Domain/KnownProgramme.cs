using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Training.Domain;

/// <summary>
/// Training's own view of a DWCP, built from programming's ProgrammeRegistered events, so that a
/// course can only be linked to a programme that exists without calling programming on each link.
/// </summary>
public sealed class KnownProgramme : Aggregate
{
    private KnownProgramme() { }

    public string CountryCode { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>Records a programme the programming service announced; its id is programming's id.</summary>
    public static KnownProgramme Heard(Guid programmeId, string countryCode, string title)
    {
        if (programmeId == Guid.Empty) throw new DomainRuleException("A programme announcement must carry the programme's id.");
        return new KnownProgramme { Id = programmeId, CountryCode = countryCode, Title = title };
    }
}
