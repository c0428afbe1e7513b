using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain;

/// <summary>A United Nations Development Assistance Framework: one country, one cycle of years.</summary>
public sealed partial class Undaf : Aggregate
{
    // UNDAFs began in 1997; the upper bound only stops typos such as 20010.
    public const int FirstStartYear = 1997;
    public const int LastStartYear = 2100;
    public const int MaxCycleYears = 10;
    public const int MaxOutcomes = 50;

    private Undaf() { }

    public string CountryCode { get; private set; } = "";
    public int CycleStartYear { get; private set; }
    public int CycleEndYear { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public UndafStatus Status { get; private set; }
    public bool DecentWorkSpecificObjective { get; private set; }
    public List<UndafOutcome> Outcomes { get; private set; } = [];
    public List<OutcomeLink> Links { get; private set; } = [];

    /// <summary>Country and cycle, e.g. "TZA|2007-2010": unique in the store, so a country has one UNDAF per cycle.</summary>
    public string CountryCycleKey { get; private set; } = "";

    /// <summary>Country, cycle start, cycle end, id: the list order, stored so both stores can page on one key.</summary>
    public string SortKey { get; private set; } = "";

    public static Undaf Register(Country country, int cycleStartYear, int cycleEndYear, DateTimeOffset now,
        IReadOnlyList<UndafOutcome>? outcomes = null, UndafStatus status = UndafStatus.InPreparation, bool decentWorkSpecificObjective = false)
    {
        if (cycleStartYear is < FirstStartYear or > LastStartYear)
            throw new DomainRuleException($"An UNDAF cycle starts in {FirstStartYear}-{LastStartYear}, not {cycleStartYear}.");
        if (cycleEndYear < cycleStartYear)
            throw new DomainRuleException($"The cycle ends ({cycleEndYear}) before it starts ({cycleStartYear}).");
        if (cycleEndYear > cycleStartYear + MaxCycleYears)
            throw new DomainRuleException($"A cycle lasts at most {MaxCycleYears} years after its start; {cycleStartYear}-{cycleEndYear} is longer.");
        outcomes ??= [];
        EnsureOutcomesAreValid(outcomes);
        if (!Enum.IsDefined(status))
            throw new DomainRuleException($"'{ProtoNames.Of(status)}' is not an UNDAF status.");

        var undaf = new Undaf
        {
            Id = Guid.NewGuid(),
            CountryCode = country.Code,
            CycleStartYear = cycleStartYear,
            CycleEndYear = cycleEndYear,
            RegisteredAt = now,
            CountryCycleKey = KeyFor(country, cycleStartYear, cycleEndYear),
            Status = status,
            DecentWorkSpecificObjective = decentWorkSpecificObjective,
            Outcomes = outcomes.Select(o => new UndafOutcome { Code = o.Code, Statement = o.Statement.Trim() }).ToList(),
        };
        undaf.SortKey = $"{country.Code}|{cycleStartYear:D4}|{cycleEndYear:D4}|{undaf.Id:N}";
        // No integration event: no other context consumes UNDAFs yet.
        return undaf;
    }

    public static string KeyFor(Country country, int cycleStartYear, int cycleEndYear) =>
        $"{country.Code}|{cycleStartYear:D4}-{cycleEndYear:D4}";

    private static void EnsureOutcomesAreValid(IReadOnlyList<UndafOutcome> outcomes)
    {
        if (outcomes.Count > MaxOutcomes)
            throw new DomainRuleException($"An UNDAF has at most {MaxOutcomes} outcomes, not {outcomes.Count}.");
        if (outcomes.FirstOrDefault(o => !UndafOutcome.IsValidCode(o.Code) || !UndafOutcome.IsValidStatement(o.Statement)) is { } bad)
            throw new DomainRuleException($"UNDAF outcome '{bad.Code}' needs a code of 1-{UndafOutcome.MaxCodeLength} letters, digits, dots or dashes and a statement.");
        if (outcomes.GroupBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainRuleException($"UNDAF outcome code '{twice.Key}' is given more than once.");
    }

    public bool HasOutcome(string code) => Outcomes.Any(o => o.Code == code);

    /// <summary>Adds an outcome agreed after registration; its code must be new to this UNDAF.</summary>
    public void AddOutcome(UndafOutcome outcome)
    {
        if (Status == UndafStatus.Closed)
            throw new DomainRuleException($"UNDAF {Id} is closed and takes no new outcomes.");
        EnsureOutcomesAreValid([.. Outcomes, outcome]);
        Outcomes.Add(new UndafOutcome { Code = outcome.Code, Statement = outcome.Statement.Trim() });
    }

    /// <summary>Moves the UNDAF forward; false when it already has that status. Never backwards.</summary>
    public bool ChangeStatus(UndafStatus target)
    {
        if (!Enum.IsDefined(target))
            throw new DomainRuleException($"'{ProtoNames.Of(target)}' is not an UNDAF status.");
        if (target == Status) return false;
        if (target < Status)
            throw new DomainRuleException($"An UNDAF cannot go back from {ProtoNames.Of(Status)} to {ProtoNames.Of(target)}.");
        Status = target;
        return true;
    }

    /// <summary>
    /// Links an approved DWCP outcome of this country to one of this UNDAF's outcomes; false
    /// (nothing changed) when that pair is already linked.
    /// </summary>
    public bool Link(string undafOutcomeCode, KnownProgramme programme, Guid programmeOutcomeId, DateTimeOffset now)
    {
        if (Status == UndafStatus.Closed)
            throw new DomainRuleException($"UNDAF {Id} is closed and takes no new links.");
        if (!HasOutcome(undafOutcomeCode))
            throw new DomainRuleException($"UNDAF {Id} has no outcome '{undafOutcomeCode}'.");
        if (programme.CountryCode != CountryCode)
            throw new DomainRuleException($"Programme {programme.Id} is in {programme.CountryCode}, not in this UNDAF's country {CountryCode}.");
        var outcome = programme.FindOutcome(programmeOutcomeId)
            ?? throw new NotKnownYetException("Outcome", programmeOutcomeId, $"Coordination has not heard of outcome {programmeOutcomeId} of programme {programme.Id}: it may not be approved yet, or its event has not arrived.");
        if (outcome.Withdrawn)
            throw new DomainRuleException($"Outcome {programmeOutcomeId} of programme {programme.Id} was withdrawn and can no longer be linked.");

        if (Links.Any(l => l.UndafOutcomeCode == undafOutcomeCode && l.ProgrammeOutcomeId == programmeOutcomeId)) return false;
        Links.Add(new OutcomeLink { UndafOutcomeCode = undafOutcomeCode, ProgrammeId = programme.Id, ProgrammeOutcomeId = programmeOutcomeId, LinkedAt = now });
        return true;
    }
}
