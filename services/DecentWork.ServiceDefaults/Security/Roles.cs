namespace DecentWork.ServiceDefaults.Security;

/// <summary>
/// The roles a token's <c>role</c> claim may carry, from the paper's actors. The identity service
/// issues exactly these; an external provider maps its groups or app roles onto them.
/// </summary>
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

    public static readonly IReadOnlyList<string> All =
        [ProgrammeStaff, QaReviewer, CountryOffice, Constituent, Partner, TrainingCentre, UnCoordination, Auditor, Operations];
}
