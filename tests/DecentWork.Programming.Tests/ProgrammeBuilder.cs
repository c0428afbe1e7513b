using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Programming.Tests;

/// <summary>Builds programmes at each lifecycle stage for the rule tests.</summary>
internal static class ProgrammeBuilder
{
    public static readonly Country Tanzania = Countries.ByCode["TZA"];
    public static readonly DateTimeOffset Now = new(2013, 3, 1, 9, 0, 0, TimeSpan.Zero); // after every date the builders record: a consultation, signature or evaluation is not in the future
    public static readonly Change ByOfficer = new("officer@ilo.org", Now);
    /// <summary>Quality assurance is done by someone other than the drafter (separation of duties).</summary>
    public static readonly Change ByReviewer = new("reviewer@ilo.org", Now);
    public static readonly Change ByGovernment = new("tza-government", "Amina Juma", Now);
    public static readonly Change ByEmployers = new("tza-employers", "ATE", Now);
    public static readonly Change ByWorkers = new("tza-workers", "TUCTA", Now);

    public static Programme Draft(DateOnly? start = null, DateOnly? end = null) =>
        Programme.Register(Tanzania, "DWCP Tanzania", start ?? new(2006, 1, 1), end ?? new(2010, 12, 31), ByOfficer);

    public static (Programme Programme, Outcome Outcome) WithOutcome(Programme? programme = null)
    {
        programme ??= Draft();
        var priority = programme.AddPriority("Youth employment", ByOfficer);
        var outcome = programme.AddOutcome(priority.Id, "TZA101", "More young people in decent jobs", StrategicObjective.Employment, 1_500_000m, ByOfficer);
        return (programme, outcome);
    }

    public static List<Participation> AllThreeGroups() =>
    [
        new() { Group = ConstituentGroup.Government, Women = 2, Men = 3 },
        new() { Group = ConstituentGroup.Employers, Women = 1, Men = 2 },
        new() { Group = ConstituentGroup.Workers, Women = 2, Men = 1 },
    ];

    public static Programme Consulted()
    {
        var (programme, _) = WithOutcome();
        programme.StartConsultation(ByOfficer);
        programme.RecordConsultation(new(2007, 11, 5), "Dar es Salaam", AllThreeGroups(), [programme.Priorities[0].Id], "", ByOfficer);
        return programme;
    }

    public static Programme UnderQualityAssurance()
    {
        var programme = Consulted();
        programme.SubmitForQualityAssurance(ByOfficer);
        return programme;
    }

    public static List<ChecklistResult> FullChecklist(bool passed = true) =>
        [.. Enum.GetValues<QualityCriterion>().Select(c => new ChecklistResult { Criterion = c, Passed = passed, Comment = "ok" })];

    public static Programme Cleared()
    {
        var programme = UnderQualityAssurance();
        programme.RecordReview(ReviewingUnit.Region, FullChecklist(), ReviewDecision.Cleared, ByReviewer);
        return programme;
    }

    /// <summary>Signs for all three groups, each by its own constituent; the last signature is on 3 February 2008.</summary>
    public static Programme SignedByAll(Programme programme)
    {
        programme.Sign(ConstituentGroup.Government, "Minister of Labour", new(2008, 2, 1), ByGovernment);
        programme.Sign(ConstituentGroup.Employers, "President", new(2008, 2, 3), ByEmployers);
        programme.Sign(ConstituentGroup.Workers, "Secretary General", new(2008, 2, 2), ByWorkers);
        return programme;
    }

    /// <summary>Cleared and signed: ready for approval.</summary>
    public static Programme Signed() => SignedByAll(Cleared());

    public static Programme Approved()
    {
        var programme = Signed();
        programme.Approve([], 0, ByOfficer);
        return programme;
    }

    public static Programme Completed()
    {
        var programme = Approved();
        programme.Activate(ByOfficer);
        programme.Complete(ByOfficer);
        return programme;
    }
}
