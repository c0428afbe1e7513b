using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Coordination.Domain;

/// <summary>The text fields of a joint programme proposal.</summary>
public sealed record JointProgrammeTerms(string Title, string Fund, string ThematicWindow, string LeadAgency);

/// <summary>What makes a joint programme proposal acceptable; the gRPC layer checks the same per field.</summary>
public static class JointProgrammeRules
{
    public const int MaxTitleLength = 300;
    public const int MaxNameLength = 200;
    public const int MaxCountries = 60;
    public const int MaxAgencies = 30;

    public static bool IsValidText(string? text, int maxLength, bool required) =>
        text?.Trim() is { } t && t.Length <= maxLength && (!required || t.Length > 0);

    /// <summary>2-20 ASCII letters, digits or dashes, e.g. "ILO", "UN-HABITAT".</summary>
    public static bool IsValidAgency(string? agency) =>
        agency is { Length: >= 2 and <= 20 } && agency.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static string NormaliseAgency(string agency) => agency.ToUpperInvariant();

    public static void EnsureValid(JointProgrammeTerms terms, IReadOnlyList<Country> countries, IReadOnlyList<AgencyShare> agencies)
    {
        if (!IsValidText(terms.Title, MaxTitleLength, required: true) || !IsValidText(terms.Fund, MaxNameLength, required: true)
            || !IsValidText(terms.ThematicWindow, MaxNameLength, required: false))
            throw new DomainRuleException($"A joint programme needs a title (1-{MaxTitleLength} characters) and a fund (1-{MaxNameLength}).");
        if (countries.Count is 0 or > MaxCountries || countries.DistinctBy(c => c.Code).Count() != countries.Count)
            throw new DomainRuleException($"A joint programme covers 1-{MaxCountries} distinct countries.");
        if (agencies.Count is 0 or > MaxAgencies || agencies.Any(a => !IsValidAgency(a.Agency) || a.BudgetShareUsd < 0))
            throw new DomainRuleException($"A joint programme has 1-{MaxAgencies} agencies, each with an acronym and a share of zero or more.");
        var names = agencies.Select(a => NormaliseAgency(a.Agency)).ToList();
        if (names.Distinct().Count() != names.Count)
            throw new DomainRuleException("Each agency takes part in a joint programme once.");
        if (!names.Contains(JointProgramme.Organisation))
            throw new DomainRuleException($"Only joint programmes in which {JointProgramme.Organisation} takes part are recorded here.");
        if (!IsValidAgency(terms.LeadAgency) || !names.Contains(NormaliseAgency(terms.LeadAgency)))
            throw new DomainRuleException($"The lead agency '{terms.LeadAgency}' must be one of the participating agencies.");
    }
}
