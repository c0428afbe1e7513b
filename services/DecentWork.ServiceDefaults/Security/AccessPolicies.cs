namespace DecentWork.ServiceDefaults.Security;

/// <summary>
/// The permission matrix: every policy an RPC may name, and the roles it admits. The README's
/// table is checked against this one, and the matrix tests are driven by it. Scope (which
/// countries or which partner a caller sees) is applied by the services on top of these.
/// </summary>
public static class AccessPolicies
{
    // Programming
    public const string ProgrammesRead = "programmes.read";
    public const string ProgrammesDraft = "programmes.draft";
    public const string ProgrammesReview = "programmes.review";
    public const string ProgrammesSign = "programmes.sign";
    public const string ProgrammesDecide = "programmes.decide";
    public const string ProgrammesReport = "programmes.report";
    // Coordination
    public const string CoordinationRead = "coordination.read";
    public const string CoordinationWrite = "coordination.write";
    // Knowledge base and search (served by coordination)
    public const string KnowledgeRead = "knowledge.read";
    public const string KnowledgeWrite = "knowledge.write";
    // Partnerships
    public const string PartnershipsRead = "partnerships.read";
    public const string PartnershipsWrite = "partnerships.write";
    public const string PartnershipsReport = "partnerships.report";
    // Training
    public const string TrainingRead = "training.read";
    public const string TrainingWrite = "training.write";
    public const string TrainingReport = "training.report";
    // Operations (OperationsService, served by every service about itself)
    public const string OperationsRead = "operations.read";
    public const string OperationsAct = "operations.act";

    /// <summary>
    /// Policy → roles. Operations holds the operations policies and nothing else: it sees and
    /// moves parked messages and takes backups, never the business records' RPCs.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Matrix = new Dictionary<string, string[]>
    {
        [ProgrammesRead] = [Roles.ProgrammeStaff, Roles.QaReviewer, Roles.CountryOffice, Roles.Constituent, Roles.Auditor],
        [ProgrammesDraft] = [Roles.ProgrammeStaff, Roles.CountryOffice],
        [ProgrammesReview] = [Roles.QaReviewer],
        [ProgrammesSign] = [Roles.Constituent],
        [ProgrammesDecide] = [Roles.ProgrammeStaff],
        [ProgrammesReport] = [Roles.ProgrammeStaff, Roles.QaReviewer, Roles.CountryOffice, Roles.Constituent, Roles.Auditor],
        [CoordinationRead] = [Roles.UnCoordination, Roles.ProgrammeStaff, Roles.Auditor],
        [CoordinationWrite] = [Roles.UnCoordination],
        [KnowledgeRead] = [Roles.ProgrammeStaff, Roles.QaReviewer, Roles.CountryOffice, Roles.Constituent, Roles.TrainingCentre, Roles.UnCoordination, Roles.Auditor],
        [KnowledgeWrite] = [Roles.ProgrammeStaff, Roles.CountryOffice, Roles.UnCoordination],
        [PartnershipsRead] = [Roles.ProgrammeStaff, Roles.Partner, Roles.Auditor],
        [PartnershipsWrite] = [Roles.ProgrammeStaff],
        [PartnershipsReport] = [Roles.ProgrammeStaff, Roles.Partner, Roles.Auditor],
        [TrainingRead] = [Roles.TrainingCentre, Roles.ProgrammeStaff, Roles.CountryOffice, Roles.Auditor],
        [TrainingWrite] = [Roles.TrainingCentre],
        [TrainingReport] = [Roles.TrainingCentre, Roles.ProgrammeStaff, Roles.Auditor],
        // Parked messages carry the business records' content, so only operations reads them.
        [OperationsRead] = [Roles.Operations],
        [OperationsAct] = [Roles.Operations],
    };
}
