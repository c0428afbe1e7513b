namespace DecentWork.Identity.Claims;

/// <summary>The only role values the platform knows; a seed naming another one fails at start-up.</summary>
public static class Roles
{
    public const string ProgrammeStaff = "programme-staff";
    public const string QaReviewer = "qa-reviewer";
    public const string CountryOffice = "country-office";
    public const string Constituent = "constituent";
    public const string Partner = "partner";
    public const string TrainingCentre = "training-centre";
    public const string UnCoordination = "un-coordination";
    public const string Auditor = "auditor";
    public const string Operations = "operations";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ProgrammeStaff, QaReviewer, CountryOffice, Constituent, Partner, TrainingCentre, UnCoordination, Auditor, Operations,
    };

    public static readonly IReadOnlySet<string> ConstituentGroups = new HashSet<string>(StringComparer.Ordinal)
    {
        "government", "employers", "workers",
    };
}
