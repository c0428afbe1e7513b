using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

public enum CrisisResponseKind
{
    JointNeedsAssessment = 1,
    EarlyRecoveryProgramme = 2,
}

/// <summary>What a crisis response is about, apart from its agencies and dates.</summary>
public sealed record CrisisResponseTerms(CrisisResponseKind Kind, string Title, string Crisis, OrganisationRole OrganisationRole);

/// <summary>
/// A joint needs assessment or early-recovery programme in a country in crisis, with the other UN
/// agencies taking part and the organisation's role ("bridging the gap between humanitarian relief
/// and development").
/// </summary>
public sealed partial class CrisisResponse : Aggregate
{
    // The upper bound only stops typos; the lower one keeps out dates that are clearly mistyped.
    public const int FirstYear = 1990;
    public const int LastYear = 2100;
    public const int MaxTitleLength = 300;
    public const int MaxCrisisLength = 200;
    public const int MaxAgencies = 40;

    private CrisisResponse() { }

    public CrisisResponseKind Kind { get; private set; }
    public string CountryCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Crisis { get; private set; } = "";
    /// <summary>The other agencies; the organisation's own part is <see cref="OrganisationRole"/>.</summary>
    public List<string> Agencies { get; private set; } = [];
    public OrganisationRole OrganisationRole { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Country, start day, id: the list order, one key for both stores.</summary>
    public string SortKey { get; private set; } = "";

    public static bool IsValidDay(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>A joint response lists at least one other agency, each a valid acronym and not the organisation itself.</summary>
    public static bool IsValidAgencyList(IReadOnlyList<string> agencies) =>
        agencies.Count is >= 1 and <= MaxAgencies && agencies.All(IsValidOtherAgency);

    public static bool IsValidOtherAgency(string? agency) =>
        JointProgrammeRules.IsValidAgency(agency) && JointProgrammeRules.NormaliseAgency(agency!) != JointProgramme.Organisation;

    public static CrisisResponse Record(Country country, CrisisResponseTerms terms, IReadOnlyList<string> agencies, DateOnly startedOn, DateOnly? endedOn, DateTimeOffset now)
    {
        if (!Enum.IsDefined(terms.Kind))
            throw new DomainRuleException($"'{terms.Kind}' is not a kind of crisis response.");
        if (!Enum.IsDefined(terms.OrganisationRole))
            throw new DomainRuleException($"'{terms.OrganisationRole}' is not a role of the organisation.");
        if (!JointProgrammeRules.IsValidText(terms.Title, MaxTitleLength, required: true) || !JointProgrammeRules.IsValidText(terms.Crisis, MaxCrisisLength, required: false))
            throw new DomainRuleException($"A crisis response needs a title of 1-{MaxTitleLength} characters and a crisis of at most {MaxCrisisLength}.");
        if (!IsValidAgencyList(agencies))
            throw new DomainRuleException($"A joint crisis response lists 1-{MaxAgencies} other agencies by acronym; {JointProgramme.Organisation}'s part is its role.");
        if (!IsValidDay(startedOn) || (endedOn is { } end && !IsValidDay(end)))
            throw new DomainRuleException($"Crisis response dates fall in {FirstYear}-{LastYear}.");
        if (endedOn < startedOn)
            throw new DomainRuleException($"A crisis response cannot end ({endedOn:yyyy-MM-dd}) before it starts ({startedOn:yyyy-MM-dd}).");

        var response = new CrisisResponse
        {
            Id = Guid.NewGuid(),
            Kind = terms.Kind,
            CountryCode = country.Code,
            Title = terms.Title.Trim(),
            Crisis = terms.Crisis.Trim(),
            Agencies = agencies.Select(JointProgrammeRules.NormaliseAgency).Distinct().ToList(),
            OrganisationRole = terms.OrganisationRole,
            StartedOn = startedOn,
            EndedOn = endedOn,
            RecordedAt = now,
        };
        response.SortKey = $"{country.Code}|{startedOn:yyyy-MM-dd}|{response.Id:N}";
        // No integration event: no other context consumes crisis responses yet.
        return response;
    }
}
